/** A service and a client system granted to call it, made through a running Cảng's admin API. */
export interface GrantedService {
  /** The exchange path of the service, under the exchange URL (protocol r1). */
  readonly path: string;
  /** The client's headers: its id and its bearer token. */
  readonly headers: Record<string, string>;
}

/**
 * Logs in as the administrator and registers Sở Xây dựng's permit lookup at `providerUrl`, Sở Tài chính's
 * budget system with a token, and a grant between them. The two organisations come from the sample data.
 */
export async function grantSampleService(
  adminUrl: string,
  password: string,
  providerUrl: string,
): Promise<GrantedService> {
  const login = await fetch(`${adminUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (login.status !== 200) throw new Error(`login failed with ${login.status}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const write = async (path: string, body: unknown) => {
    const response = await fetch(`${adminUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'cang-console', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, string>;
  };
  await write('/organisations/VN-HP/GOV/SXD/systems', { code: 'HTTT-CPXD', name: 'Cấp phép xây dựng' });
  const service = await write('/organisations/VN-HP/GOV/SXD/systems/HTTT-CPXD/services', {
    code: 'tra-cuu-giay-phep',
    name: 'Tra cứu giấy phép xây dựng',
    baseUrl: providerUrl,
  });
  await write('/organisations/VN-HP/GOV/STC/systems', { code: 'HTTT-NS', name: 'Quản lý ngân sách' });
  const { token } = await write('/organisations/VN-HP/GOV/STC/systems/HTTT-NS/credentials', {});
  const client = 'VN-HP/GOV/STC/HTTT-NS';
  await write('/grants', { client, service: service.id });
  return {
    path: '/r1/VN-HP/GOV/SXD/HTTT-CPXD/tra-cuu-giay-phep/permits/1',
    headers: { 'x-cang-client': client, authorization: `Bearer ${token}` },
  };
}
