/**
 * Every error code Cảng answers with, its HTTP status and a title safe to show.
 * Codes are stable and never reused; docs/errors.md lists the same table and a test keeps them in step.
 */
export const ERROR_CODES = {
  // Exchange protocol r1 (ARCHITECTURE.md, "Exchange protocol").
  'bad-request': { status: 400, title: 'The request is malformed' },
  'client-auth-failed': { status: 401, title: 'The client system could not be authenticated' },
  'access-denied': { status: 403, title: 'No access grant allows this call' },
  'service-unknown': { status: 404, title: 'No such service' },
  'payload-too-large': { status: 413, title: 'The request body is larger than the service accepts' },
  'rate-limited': { status: 429, title: 'The quota of the access grant is used up' },
  'too-many-refusals': {
    status: 429,
    title: 'Too many refused calls came from this address; they are no longer logged for a while',
  },
  'provider-unreachable': { status: 502, title: 'The provider could not be reached' },
  'service-disabled': { status: 503, title: 'The service is disabled' },
  'provider-timeout': { status: 504, title: 'The provider did not answer in time' },
  internal: { status: 500, title: 'Internal error' },
  // Outbound allow-list (docs/operator-guide.md, "Where providers may live").
  'provider-address-refused': {
    status: 502,
    title: "The provider's address is one Cảng does not connect to",
  },
  // Federation between instances (docs/exchange-protocol.md, "Federation").
  'partner-unknown': { status: 404, title: 'No trusted partner instance has this identifier' },
  'partner-not-trusted': { status: 403, title: 'The calling node is not a node of a trusted partner' },
  'partner-configuration-invalid': {
    status: 503,
    title: "The partner's federation configuration is missing, expired or invalid",
  },
  'partner-unreachable': { status: 502, title: 'No node of the partner instance could be reached' },
  'partner-timeout': { status: 504, title: 'The partner instance did not answer in time' },
  // External platforms (API gateways that are not Cảng).
  'platform-auth-failed': {
    status: 502,
    title: 'Cảng could not obtain a credential from the external platform',
  },
  // Exchange node operations.
  'scrape-token-invalid': { status: 401, title: 'The metrics scrape token is missing or wrong' },
  // Admin API.
  'validation-failed': { status: 400, title: 'The input does not match the schema' },
  unauthenticated: { status: 401, title: 'Log in or present a valid API token' },
  forbidden: { status: 403, title: 'Your role does not allow this action' },
  'not-found': { status: 404, title: 'No such resource' },
  conflict: { status: 409, title: 'The resource conflicts with an existing one' },
  'unsupported-media-type': { status: 415, title: 'The request body must be JSON' },
  'spreadsheet-too-large': { status: 413, title: 'The spreadsheet is larger than Cảng reads' },
  'not-ready': { status: 503, title: 'The node is not ready' },
  // Exchange nodes fetching their configuration (docs/exchange-protocol.md, "How a node fetches its configuration").
  'node-auth-failed': {
    status: 401,
    title: 'The request is not signed by a registered key of an exchange node',
  },
  'node-signature-stale': {
    status: 401,
    title: "The node's signed request is too old, too far ahead, or was replayed",
  },
  // Logins (docs/operator-guide.md, "Logins").
  'login-throttled': { status: 429, title: 'Too many failed logins; wait before trying again' },
  'password-checks-busy': { status: 503, title: 'Too many password checks at once; try again shortly' },
  'password-change-required': { status: 403, title: 'Change your password before doing anything else' },
  // An exchange node whose transaction log cannot be written (docs/operations.md, "Production layout").
  'log-store-unavailable': {
    status: 503,
    title: 'The transaction log cannot be written; the call was not forwarded',
  },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a string is one of the known error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
