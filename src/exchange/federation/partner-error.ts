import { CangError } from '../../core/index.js';

const TIMEOUTS: ReadonlySet<string> = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const REFUSED_BY_UNDICI: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

/**
 * Turns a failed call to a partner's node into our refusal: timeouts are 504 partner-timeout; a request
 * undici will not send is a 400; everything else (refused, reset, a TLS peer that is not the pinned
 * node, an unparsable answer) is 502 partner-unreachable. The cause is kept for our log, never shown.
 */
export function classifyPartnerError(error: unknown): CangError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUTS.has(code)) {
    return new CangError('partner-timeout', undefined, { cause: error });
  }
  if (typeof code === 'string' && REFUSED_BY_UNDICI.has(code)) {
    return new CangError('bad-request', 'The request cannot be forwarded as sent', { cause: error });
  }
  return new CangError('partner-unreachable', undefined, { cause: error });
}
