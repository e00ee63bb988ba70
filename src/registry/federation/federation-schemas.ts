import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView, OptionalDateTimeView } from '../../core/index.js';
import { PageOf, SEGMENT_PATTERN_SOURCE, ServiceIdSchema, SystemIdSchema } from '../common-schemas.js';

const InstanceSchema = Type.String({
  pattern: SEGMENT_PATTERN_SOURCE,
  description: 'Instance identifier',
  examples: ['VN'],
});

/** A configuration anchor as a partner hands it over (`cang federation anchor export` writes one). */
export const AnchorInput = Type.Object(
  {
    format: Type.Literal('cang-anchor/1'),
    instance: InstanceSchema,
    publicKey: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'The instance’s registry key (Ed25519), base64url SPKI DER',
    }),
    certificate: Type.String({
      minLength: 1,
      maxLength: 16_384,
      description: 'The instance’s authority certificate (PEM), self-signed by the registry key',
    }),
    configurationUrls: Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
      minItems: 1,
      maxItems: 16,
      description: 'https URLs of its federation configuration, tried in order',
      examples: [['https://x1.ndxp.gov.vn:8443/federation/v1/configuration']],
    }),
    generatedAt: Type.Integer({ minimum: 0, description: 'When it was exported, Unix ms' }),
  },
  { additionalProperties: false, description: 'A configuration anchor (cang-anchor/1)' },
);
/** A configuration anchor as input. */
export type AnchorInput = Static<typeof AnchorInput>;

/** The anchor this instance exports. */
export const AnchorView = Type.Object(
  {
    format: Type.Literal('cang-anchor/1'),
    instance: Type.String(),
    publicKey: Type.String(),
    certificate: Type.String(),
    configurationUrls: Type.Array(Type.String()),
    generatedAt: Type.Integer(),
  },
  { description: 'This instance’s configuration anchor, to hand to a partner out of band' },
);

/** A trusted partner as the API presents it. */
export const PartnerView = Type.Object(
  {
    instance: Type.String({ examples: ['VN'] }),
    publicKey: Type.String({ description: 'Its registry key, base64url SPKI DER' }),
    keyId: Type.String({ description: 'Key id of its registry key' }),
    certificate: Type.String({ description: 'Its authority certificate (PEM)' }),
    certificateFingerprint: Type.String({ description: 'Hex SHA-256 of the authority certificate’s DER' }),
    certificateExpiresAt: DateTimeView('When its authority certificate expires'),
    configurationUrls: Type.Array(Type.String()),
    addedAt: DateTimeView('When its anchor was imported (or last replaced)'),
  },
  { description: 'A partner instance trusted from its configuration anchor' },
);
/** A trusted partner as the API presents it. */
export type PartnerView = Static<typeof PartnerView>;

/** A page of partners. */
export const PartnerPage = PageOf(PartnerView);

/** Input to offer a local service to a partner. */
export const OfferInput = Type.Object(
  {
    service: ServiceIdSchema,
    publishOpenapi: Type.Optional(
      Type.Boolean({ default: false, description: 'Show the partner the service’s OpenAPI document' }),
    ),
  },
  { additionalProperties: false, description: 'A local service offered to a partner' },
);
/** Input to offer a service. */
export type OfferInput = Static<typeof OfferInput>;

/** A service offered to a partner. */
export const OfferView = Type.Object(
  {
    partner: Type.String(),
    service: Type.String(),
    publishOpenapi: Type.Boolean(),
    createdAt: DateTimeView('When it was offered'),
  },
  { description: 'A local service offered to a partner' },
);
/** A service offered to a partner. */
export type OfferView = Static<typeof OfferView>;

/** A page of offers. */
export const OfferPage = PageOf(OfferView);

/** Input to let a local system call out to a partner. */
export const OutboundInput = Type.Object(
  { client: SystemIdSchema },
  { additionalProperties: false, description: 'A local system allowed to call a partner’s services' },
);
/** Input to let a local system call out. */
export type OutboundInput = Static<typeof OutboundInput>;

/** A local system allowed to call out to a partner. */
export const OutboundView = Type.Object(
  {
    partner: Type.String(),
    client: Type.String(),
    createdAt: DateTimeView('When it was allowed'),
  },
  { description: 'A local system allowed to call out to a partner (closed by default)' },
);
/** A local system allowed to call out to a partner. */
export type OutboundView = Static<typeof OutboundView>;

/** A page of outbound clients. */
export const OutboundPage = PageOf(OutboundView);

/** A partner’s service, as its configuration shows it. */
export const PartnerServiceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  hasOpenapi: Type.Boolean(),
  grantedTo: Type.Array(Type.String(), { description: 'Our systems the partner granted it to' }),
});

/** Where fetching a partner's configuration stands, and what it offers. */
export const PartnerStatusView = Type.Object(
  {
    instance: Type.String(),
    state: Type.Union([Type.Literal('valid'), Type.Literal('missing')], {
      description: 'valid: a verified, unexpired configuration is held; missing: none is',
    }),
    version: Type.Union([Type.Integer(), Type.Null()]),
    fetchedAt: OptionalDateTimeView('When the configuration held was fetched'),
    expiresAt: OptionalDateTimeView('When the configuration held expires'),
    lastAttemptAt: OptionalDateTimeView('When fetching was last tried'),
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'Why the last fetch failed' }),
    services: Type.Array(PartnerServiceView, { description: 'Services the partner offers us' }),
    systems: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), {
      description: 'The partner’s systems it shows us; ours may be granted to those allowed to call us',
    }),
  },
  { description: 'A partner’s federation configuration as this node holds it' },
);
/** Where fetching a partner's configuration stands. */
export type PartnerStatusView = Static<typeof PartnerStatusView>;
