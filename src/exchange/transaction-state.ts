import type { IncomingMessage } from 'node:http';
import { CangError, keyedHash } from '../core/index.js';
import type { TransactionRecord } from './log/log-entry.js';
import type { LoggedBody } from './logged-body.js';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

/** `X-Cang-User`: visible ASCII, no spaces, at most 128 characters (an account name, an e-mail address). */
const USER_ID = /^[\x21-\x7e]{1,128}$/;
/** `X-Cang-Purpose`: a purpose or legal-basis code such as `TTHC-1.004227`. */
const PURPOSE_CODE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** Metrics label of a call whose service was never resolved: callers cannot grow the label set. */
export const UNKNOWN_SERVICE_LABEL = 'unknown';

/** What one transaction has learnt so far, turned into its log record when it ends. */
export class TransactionState {
  readonly id: string;
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  readonly query: string | null;
  readonly serviceId: string;
  readonly userId: string | null;
  readonly purpose: string | null;
  readonly subjectHash: string | null;
  clientId: string | null = null;
  /** The service's id once it was found in the configuration, else `unknown`: the metrics label. */
  serviceLabel = UNKNOWN_SERVICE_LABEL;
  /** A header given in a form the protocol does not allow (`refuseMalformedHeaders`). */
  private readonly malformedHeader: 'X-Cang-User' | 'X-Cang-Purpose' | null = null;
  traceId: string | null = null;
  requestBytes = 0;
  responseBytes = 0;
  requestBodyHash: string | null = null;
  responseBodyHash: string | null = null;
  requestHash: string | null = null;
  /** The bodies, kept (up to their limits) only when the service asks for its bodies to be logged. */
  requestBody: LoggedBody | null = null;
  responseBody: LoggedBody | null = null;

  constructor(
    req: IncomingMessage,
    id: string,
    startedAt: number,
    serviceId: string,
    path: string,
    query: string | null,
    subjectHashKey: string,
  ) {
    this.id = id;
    this.startedAt = startedAt;
    this.method = req.method ?? 'GET';
    this.serviceId = serviceId;
    this.path = path;
    this.query = query;
    const user = header(req, 'x-cang-user');
    const purpose = header(req, 'x-cang-purpose');
    // A malformed value is never logged or forwarded.
    this.userId = user !== undefined && USER_ID.test(user) ? user : null;
    this.purpose = purpose !== undefined && PURPOSE_CODE.test(purpose) ? purpose : null;
    if (user !== undefined && this.userId === null) this.malformedHeader = 'X-Cang-User';
    else if (purpose !== undefined && this.purpose === null) this.malformedHeader = 'X-Cang-Purpose';
    const subject = header(req, 'x-cang-subject');
    this.subjectHash = subject === undefined ? null : keyedHash(subjectHashKey, subject);
  }

  /** Throws 400 bad-request when `X-Cang-User` or `X-Cang-Purpose` was malformed; called once the caller is known. */
  refuseMalformedHeaders(): void {
    if (this.malformedHeader !== null) {
      throw new CangError('bad-request', `${this.malformedHeader} has a form the protocol does not allow`);
    }
  }

  /** The log record for the transaction as it ended. */
  record(status: number, errorCode: string | null, endedAt: number): TransactionRecord {
    return {
      id: this.id,
      startedAt: this.startedAt,
      durationMs: endedAt - this.startedAt,
      clientId: this.clientId,
      serviceId: this.serviceId,
      method: this.method,
      path: this.path,
      query: this.query,
      status,
      errorCode,
      requestBytes: this.requestBytes,
      responseBytes: this.responseBytes,
      requestBodyHash: this.requestBodyHash,
      responseBodyHash: this.responseBodyHash,
      requestHash: this.requestHash,
      userId: this.userId,
      subjectHash: this.subjectHash,
      purpose: this.purpose,
      traceId: this.traceId,
      ...(this.requestBody === null
        ? {}
        : {
            bodies: {
              request: this.requestBody.bytes(),
              response: this.responseBody?.bytes() ?? null,
              requestTruncated: this.requestBody.truncated,
              responseTruncated: this.responseBody?.truncated ?? false,
            },
          }),
    };
  }
}
