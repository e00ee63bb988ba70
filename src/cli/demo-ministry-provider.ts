import { createServer, type Server } from 'node:http';

/** Sample citizens of the national population database (sample data, not real people). */
const CITIZENS: Readonly<Record<string, unknown>> = {
  '031090001234': {
    soDinhDanh: '031090001234',
    hoTen: 'Phạm Thị Hương',
    ngaySinh: '1990-04-12',
    noiThuongTru: 'Phường Ngô Quyền, thành phố Hải Phòng',
    ghiChu: 'Dữ liệu mẫu',
  },
  '031085004321': {
    soDinhDanh: '031085004321',
    hoTen: 'Lê Văn Đức',
    ngaySinh: '1985-11-03',
    noiThuongTru: 'Phường Hồng Bàng, thành phố Hải Phòng',
    ghiChu: 'Dữ liệu mẫu',
  },
};

/** The OpenAPI document of the sample citizen lookup. */
export const DEMO_MINISTRY_OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Tra cứu thông tin công dân — CSDL quốc gia về dân cư (mẫu)', version: '1.0.0' },
  paths: {
    '/cong-dan/{soDinhDanh}': {
      get: {
        summary: 'Tra cứu thông tin công dân theo số định danh cá nhân',
        parameters: [{ name: 'soDinhDanh', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'Thông tin công dân' },
          '404': { description: 'Không tìm thấy' },
        },
      },
    },
  },
};

/**
 * Starts the sample provider of `cang demo federation`: a ministry's citizen lookup,
 * `GET /cong-dan/{id}`, on an ephemeral loopback port. Resolves with the server and its base URL.
 */
export async function startDemoMinistryProvider(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const match = /^\/cong-dan\/([0-9]{12})$/.exec(req.url ?? '');
    const citizen = match && req.method === 'GET' ? CITIZENS[match[1]!] : undefined;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (!citizen) {
      res.writeHead(404).end(JSON.stringify({ loi: 'Không tìm thấy công dân' }));
      return;
    }
    res.end(JSON.stringify({ ...citizen, yeuCauBoi: req.headers['x-cang-client'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}
