import { request } from 'node:http';
import type { AdminApiClient } from './admin-api-client.js';
import { CITY_CLIENT, MINISTRY_MAX_BODY_BYTES, MINISTRY_SERVICE } from './trusted-instances.js';

/*
 * Calls across the two instances of trusted-instances.ts, and the evidence each instance keeps of them:
 * its log entries and the verification of its chains, read through its admin API.
 */

/** Calls the ministry's service through the city's exchange as `client`. */
export function callMinistry(
  cityExchangeUrl: string,
  client: string,
  token: string,
  path: string,
  init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${cityExchangeUrl}/r1/${MINISTRY_SERVICE}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-cang-client': client,
      authorization: `Bearer ${token}`,
      'x-cang-purpose': 'TTHC-2.001234',
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

/** An answer read in full: status, headers and body. */
export interface PlainAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * POSTs a body one byte over the limit the ministry's service published, as CITY_CLIENT. The exchange
 * may answer and close while the body is still being sent (a fetch would then fail): the answer counts,
 * and an error writing the rest of the body after it is expected.
 */
export function postOversizedBody(cityExchangeUrl: string, token: string): Promise<PlainAnswer> {
  const body = Buffer.alloc(MINISTRY_MAX_BODY_BYTES + 1, 0x20);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      `${cityExchangeUrl}/r1/${MINISTRY_SERVICE}/cong-dan/tra-cuu`,
      {
        method: 'POST',
        headers: {
          'x-cang-client': CITY_CLIENT,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

/** A transaction as an instance's log shows it (`GET /api/v1/log`). */
export interface LoggedTransaction {
  readonly id: string;
  readonly nodeId: string;
  readonly clientId: string | null;
  readonly serviceId: string | null;
  readonly status: number;
  readonly errorCode: string | null;
  readonly requestHash: string | null;
}

/** The entries an instance logged under a transaction id. */
export async function loggedTransactions(admin: AdminApiClient, id: string): Promise<LoggedTransaction[]> {
  const page = await admin.call<{ items: LoggedTransaction[] }>('GET', `/log?id=${encodeURIComponent(id)}`);
  return page.items;
}

/** The result of walking every chain of an instance (`POST /api/v1/log/verify`). */
export interface ChainVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly seals: number;
  readonly firstBad?: { readonly nodeId: string; readonly seq: number; readonly reason: string };
}

/** Walks an instance's chains and checks every seal. */
export function verifyChains(admin: AdminApiClient): Promise<ChainVerification> {
  return admin.call<ChainVerification>('POST', '/log/verify');
}
