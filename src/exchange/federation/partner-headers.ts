import type { IncomingHttpHeaders } from 'node:http';
import { consumerResponseHeaders, providerRequestHeaders } from '../provider-headers.js';
import type { TraceContext } from '../traceparent.js';
import type { TransactionState } from '../transaction-state.js';

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * The request headers towards a partner's node: those a provider would get (hop-by-hop headers, the
 * consumer's credential and every `X-Cang-*` the consumer sent are dropped; ours are set), plus
 * `X-Cang-Subject` as the consumer sent it, since the partner logs it under its own keyed hash.
 */
export function partnerRequestHeaders(
  rawHeaders: readonly string[],
  tx: TransactionState,
  trace: TraceContext,
  subject: string | undefined,
): string[] {
  const headers = providerRequestHeaders(rawHeaders, {
    transactionId: tx.id,
    client: tx.clientId!,
    user: tx.userId ?? undefined,
    purpose: tx.purpose ?? undefined,
    traceparent: trace.traceparent,
    tracestate: trace.tracestate,
  });
  if (subject !== undefined) headers.push('x-cang-subject', subject);
  return headers;
}

/** The partner's own refusal code, from its `X-Cang-Error`; null for its provider's answer. */
export function partnerErrorCode(headers: IncomingHttpHeaders): string | null {
  return one(headers['x-cang-error']) ?? null;
}

/**
 * The consumer's answer headers from a partner node's: the partner's answer as a provider's would pass
 * (its `X-Cang-*` dropped), our `X-Cang-Id` and `X-Cang-Request-Hash`, the evidence of the far side's
 * log (`X-Cang-Remote-Instance`, `-Node`, `-Request-Hash`), and `X-Cang-Instance` naming the partner as
 * the one that answered; a refusal of the partner keeps its `X-Cang-Error`.
 */
export function partnerAnswerHeaders(
  headers: IncomingHttpHeaders,
  tx: TransactionState,
  remote: { readonly instance: string; readonly node: string },
): string[] {
  const out = consumerResponseHeaders(headers, tx.id, tx.requestHash!);
  out.push('x-cang-instance', remote.instance, 'x-cang-remote-instance', remote.instance);
  out.push('x-cang-remote-node', one(headers['x-cang-node']) ?? remote.node);
  const remoteHash = one(headers['x-cang-request-hash']);
  if (remoteHash !== undefined) out.push('x-cang-remote-request-hash', remoteHash);
  const error = one(headers['x-cang-error']);
  if (error !== undefined) out.push('x-cang-error', error);
  return out;
}
