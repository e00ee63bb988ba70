/**
 * A sample provider for benchmarks: answers every request with the same 1 KiB JSON document.
 * Run as its own process; prints `READY {port}` on stdout when listening.
 */
import { createServer } from 'node:http';

const item = { maHoGiaDinh: 'HP-031-000123', chuHo: 'Nguyễn Văn An', diaChi: 'Phường Máy Tơ, Hải Phòng' };
const body = Buffer.from(
  JSON.stringify({ items: Array.from({ length: 12 }, (_, i) => ({ ...item, stt: i })) }).padEnd(1024, ' '),
);

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`READY ${port}\n`);
});
// tsx's loader keeps the process alive on SIGTERM unless the script handles the signal itself.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
