import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../core/index.js';

const AuthKind = Type.Union([Type.Literal('oauth2-client-credentials'), Type.Literal('api-key')], {
  description:
    'How Cảng authenticates to the platform: OAuth2 client credentials (RFC 6749 §4.4) or an API key',
});
const Origin = Type.String({
  minLength: 1,
  maxLength: 2048,
  description:
    "https origin of the platform's API; every service of the system must live on it, and the credential is sent nowhere else",
  examples: ['https://api.ndxp.gov.vn'],
});
const TokenUrl = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'https URL of the token endpoint (oauth2-client-credentials)',
  examples: ['https://sso.ndxp.gov.vn/oauth2/token'],
});
// RFC 6749 Appendix A: client_id and client_secret are VSCHAR (printable ASCII).
const Printable = (description: string, maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[\\x20-\\x7E]+$', description });
const Scope = Type.String({
  minLength: 1,
  maxLength: 1024,
  // RFC 6749 §3.3: space-separated scope tokens of NQCHAR.
  pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$',
  description: 'Space-separated scopes to ask for (oauth2-client-credentials, optional)',
  examples: ['lgsp.read'],
});
const Header = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9-]+$',
  description: 'The header that carries the API key (api-key)',
  examples: ['X-API-Key'],
});

/** Input to register (or replace) the external platform a system stands for. */
export const ExternalPlatformInput = Type.Object(
  {
    kind: AuthKind,
    origin: Origin,
    tokenUrl: Type.Optional(TokenUrl),
    clientId: Type.Optional(Printable('OAuth2 client id (oauth2-client-credentials)', 256)),
    scope: Type.Optional(Scope),
    header: Type.Optional(Header),
    secret: Printable(
      'The client secret (oauth2-client-credentials) or the API key (api-key); stored sealed, never shown again',
      4096,
    ),
  },
  { additionalProperties: false, description: 'An external platform and the credential Cảng uses with it' },
);
/** Input to register an external platform. */
export type ExternalPlatformInput = Static<typeof ExternalPlatformInput>;

/** An external platform as the API presents it: never its secret. */
export const ExternalPlatformView = Type.Object(
  {
    system: Type.String({
      description: 'The local system that stands for the platform',
      examples: ['VN-HP/GOV/NDXP/API'],
    }),
    kind: AuthKind,
    origin: Type.String({ examples: ['https://api.ndxp.gov.vn'] }),
    tokenUrl: Type.Union([Type.String(), Type.Null()]),
    clientId: Type.Union([Type.String(), Type.Null()]),
    scope: Type.Union([Type.String(), Type.Null()]),
    header: Type.Union([Type.String(), Type.Null()]),
    secretSet: Type.Literal(true, { description: 'A secret is stored; it is never returned' }),
    createdAt: DateTimeView('When it was registered'),
    updatedAt: DateTimeView('When it last changed'),
  },
  { description: 'An external platform whose services are offered through a local system' },
);
/** An external platform as the API presents it. */
export type ExternalPlatformView = Static<typeof ExternalPlatformView>;
