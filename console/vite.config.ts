import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console's build: one entry (index.html), each screen its own lazy chunk, a manifest so
 * console/scripts/console-build.ts can report (and bound) the initial chunk's gzip size. `npm run dev:console`
 * proxies /api to a Cảng admin port on 8080.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
