/** An admin API answer that was not a success: its status and problem code (RFC 9457 `code`). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A logged-in client of one instance's admin API (`/api/v1`), as an operator's script would use it. */
export interface AdminApiClient {
  /** The admin port's origin. */
  readonly adminUrl: string;
  /** Sends a JSON request; resolves with the JSON answer (`undefined` for 204), rejects with AdminApiError. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * Logs in to an admin API with a username and password and keeps the session cookie. Changes carry the
 * header the cookie session's CSRF defence asks for (`x-requested-with: cang-console`).
 */
export async function logInToAdminApi(
  adminUrl: string,
  username: string,
  password: string,
): Promise<AdminApiClient> {
  const login = await fetch(`${adminUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw await errorOf(login, 'POST /session');
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
  if (cookie === undefined)
    throw new AdminApiError(login.status, undefined, 'The login set no session cookie');
  return {
    adminUrl,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${adminUrl}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          'x-requested-with': 'cang-console',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw await errorOf(response, `${method} ${path}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}

async function errorOf(response: Response, what: string): Promise<AdminApiError> {
  const text = await response.text();
  let problem: {
    code?: string;
    detail?: string;
    errors?: readonly { pointer?: string; detail?: string }[];
  } = {};
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {
    // Not a problem document: the status and the text say enough.
  }
  return new AdminApiError(
    response.status,
    problem.code,
    `${what} answered ${response.status}${problem.code ? ` ${problem.code}` : ''}: ${problem.detail ?? text}` +
      (problem.errors ?? []).map((error) => `; ${error.pointer}: ${error.detail}`).join(''),
  );
}
