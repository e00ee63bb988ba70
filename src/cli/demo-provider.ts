import { createServer, type Server } from 'node:http';

/** Sample households of Quận Lê Chân (sample data, not real people). */
const HOUSEHOLDS: Readonly<Record<string, unknown>> = {
  'HP-305-000123': {
    maHo: 'HP-305-000123',
    chuHo: 'Nguyễn Văn An',
    diaChi: 'Số 12 Tô Hiệu, phường Trại Cau, quận Lê Chân, Hải Phòng',
    soNhanKhau: 4,
    ghiChu: 'Dữ liệu mẫu',
  },
  'HP-305-000456': {
    maHo: 'HP-305-000456',
    chuHo: 'Trần Thị Bình',
    diaChi: 'Số 8 Hai Bà Trưng, phường An Biên, quận Lê Chân, Hải Phòng',
    soNhanKhau: 3,
    ghiChu: 'Dữ liệu mẫu',
  },
};

/** The OpenAPI document of the sample household-registry lookup. */
export const DEMO_PROVIDER_OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Tra cứu hộ gia đình — Quận Lê Chân (mẫu)', version: '1.0.0' },
  paths: {
    '/households/{maHo}': {
      get: {
        summary: 'Tra cứu thông tin hộ gia đình theo mã hộ',
        parameters: [{ name: 'maHo', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'Thông tin hộ gia đình' },
          '404': { description: 'Không tìm thấy' },
        },
      },
    },
  },
};

/**
 * Starts the sample provider of `cang demo`: a district's household-registry lookup,
 * `GET /households/{id}`, on an ephemeral loopback port. Resolves with the server and its base URL.
 */
export async function startDemoProvider(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const match = /^\/households\/([A-Za-z0-9-]+)$/.exec(req.url ?? '');
    const household = match && req.method === 'GET' ? HOUSEHOLDS[match[1]!] : undefined;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (!household) {
      res.writeHead(404).end(JSON.stringify({ loi: 'Không tìm thấy hộ gia đình' }));
      return;
    }
    res.end(JSON.stringify({ ...household, yeuCauBoi: req.headers['x-cang-client'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}
