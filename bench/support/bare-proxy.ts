/**
 * The baseline: a bare reverse proxy on undici with the same pool settings as the exchange,
 * no authentication, no authorisation, no log. Usage: bare-proxy.ts {providerPort}; prints `READY {port}`.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';

const providerPort = Number(process.argv[2]);
const pool = new Pool(`http://127.0.0.1:${providerPort}`, { connections: 128, pipelining: 1 });

const server = createServer(async (req, res) => {
  try {
    const answer = await pool.request({
      method: req.method as 'GET',
      path: req.url ?? '/',
      body: req.method === 'GET' || req.method === 'HEAD' ? null : req,
    });
    res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? '') });
    for await (const chunk of answer.body) res.write(chunk);
    res.end();
  } catch {
    res.writeHead(502).end();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`READY ${port}\n`);
});
// tsx's loader keeps the process alive on SIGTERM unless the script handles the signal itself.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
