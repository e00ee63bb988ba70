import { CangError } from '../core/index.js';

const TIMEOUTS: ReadonlySet<string> = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const REFUSED_BY_UNDICI: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

/**
 * Turns a failed provider call into Cảng's refusal: timeouts (headers, body idle, connect) are 504
 * provider-timeout; a request undici will not send (e.g. an invalid header value from the consumer) is a
 * 400; a CangError (from an interceptor, e.g. the external-platform credential) stays as it is; everything else (refused, reset, closed, unparsable answer) is 502 provider-unreachable.
 * The cause is kept for our log, never shown.
 */
export function classifyProviderError(error: unknown): CangError {
  // Already Cảng's own refusal, e.g. an external platform's token endpoint failing.
  if (error instanceof CangError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUTS.has(code))
    return new CangError('provider-timeout', undefined, { cause: error });
  if (typeof code === 'string' && REFUSED_BY_UNDICI.has(code)) {
    return new CangError('bad-request', 'The request cannot be forwarded as sent', { cause: error });
  }
  return new CangError('provider-unreachable', undefined, { cause: error });
}
