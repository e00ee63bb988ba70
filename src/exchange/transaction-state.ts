import type { IncomingMessage } from 'node:http';
import { keyedHash } from '../core/index.js';
import type { TransactionRecord } from './log/log-entry.js';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

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
  traceId: string | null = null;
  requestBytes = 0;
  responseBytes = 0;
  requestBodyHash: string | null = null;
  responseBodyHash: string | null = null;
  requestHash: string | null = null;
  /** Body chunks, kept only when the service asks for its bodies to be logged. */
  requestBody: Buffer[] | null = null;
  responseBody: Buffer[] | null = null;

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
    this.userId = header(req, 'x-cang-user') ?? null;
    this.purpose = header(req, 'x-cang-purpose') ?? null;
    const subject = header(req, 'x-cang-subject');
    this.subjectHash = subject === undefined ? null : keyedHash(subjectHashKey, subject);
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
              request: Buffer.concat(this.requestBody),
              response: this.responseBody === null ? null : Buffer.concat(this.responseBody),
            },
          }),
    };
  }
}
