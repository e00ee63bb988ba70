import { type Static, Type } from '@sinclair/typebox';
import { DateTimeInput, DateTimeView, OptionalDateTimeView } from '../core/index.js';
import { PageOf } from './common-schemas.js';
import { SampleView } from '../store/index.js';

const Label = Type.String({
  maxLength: 255,
  description: 'Free text to tell credentials apart',
  examples: ['Máy chủ ứng dụng 1'],
});

/** Input to issue a bearer token for an information system. */
export const TokenInput = Type.Object(
  {
    label: Type.Optional(Label),
    expiresAt: Type.Optional(DateTimeInput('When the token stops working; must be in the future')),
  },
  { additionalProperties: false, description: 'A new bearer token; the token itself is shown once' },
);
/** Input to issue a bearer token. */
export type TokenInput = Static<typeof TokenInput>;

/** Input to register a TLS client certificate for an information system. */
export const CertificateInput = Type.Object(
  {
    certificate: Type.String({
      minLength: 1,
      maxLength: 65_536,
      description: 'The client certificate, PEM',
      examples: ['-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----'],
    }),
    label: Type.Optional(Label),
    expiresAt: Type.Optional(
      DateTimeInput('When the registration stops working; defaults to the certificate’s notAfter'),
    ),
  },
  { additionalProperties: false, description: 'A TLS client certificate to bind to the system' },
);
/** Input to register a certificate. */
export type CertificateInput = Static<typeof CertificateInput>;

/** A credential as the API presents it: never the token or its hash. */
export const CredentialView = Type.Object(
  {
    id: Type.String({ description: 'Credential id (UUIDv7)' }),
    system: Type.String({
      description: 'The system it authenticates',
      examples: ['VN-HP/GOV/SNV/HTTT-CBCC'],
    }),
    kind: Type.Union([Type.Literal('token'), Type.Literal('certificate')]),
    label: Type.String(),
    tokenHint: Type.Union([Type.String(), Type.Null()], {
      description: 'First characters of a token, to tell tokens apart',
      examples: ['cang_Q2FuZ'],
    }),
    certificateFingerprint: Type.Union([Type.String(), Type.Null()], {
      description: 'SHA-256 of the DER certificate, lower-case hex',
    }),
    status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
    createdAt: DateTimeView('When it was issued or registered'),
    expiresAt: OptionalDateTimeView('When it stops working; null = never'),
    revokedAt: OptionalDateTimeView('When it was revoked; null = not revoked'),
    sample: SampleView,
  },
  { description: 'A client credential of an information system' },
);
/** A credential as the API presents it. */
export type CredentialView = Static<typeof CredentialView>;

/** A page of credentials. */
export const CredentialPage = PageOf(CredentialView);

/** A newly issued token: the only time the token itself is ever shown. */
export const IssuedToken = Type.Object(
  {
    credential: CredentialView,
    token: Type.String({
      description: 'The bearer token; shown once, store it now',
      examples: ['cang_Q2FuZy1leGFtcGxlLXRva2VuLW5vdC1yZWFsLWF0LWFsbA'],
    }),
  },
  { description: 'A new bearer token, shown once' },
);
/** A newly issued token. */
export type IssuedToken = Static<typeof IssuedToken>;
