import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../core/index.js';
import { NameSchema, PageOf, Segment } from './common-schemas.js';
import { SampleView } from '../store/index.js';

/** Defaults of a new service. */
export const SERVICE_DEFAULTS = Object.freeze({
  enabled: true,
  timeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  logBodies: false,
});

const ServiceName = NameSchema('Name of the service', 'Tra cứu hồ sơ một cửa');
const BaseUrl = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'http(s) URL of the provider, without query or fragment; a trailing slash is removed',
  examples: ['https://motcua.haiphong.gov.vn/api'],
});
const OpenApiText = Type.String({
  minLength: 2,
  maxLength: 5_000_000,
  description: "JSON text of the provider's OpenAPI (or Swagger) document",
  examples: ['{"openapi":"3.1.0","info":{"title":"Tra cứu hồ sơ","version":"1.0"},"paths":{}}'],
});
const Enabled = Type.Boolean({ description: 'Whether the exchange forwards calls (default true)' });
const TimeoutMs = Type.Integer({
  minimum: 1,
  maximum: 300_000,
  description: 'Provider timeout in milliseconds (default 30000)',
  examples: [30_000],
});
const MaxBodyBytes = Type.Integer({
  minimum: 1,
  maximum: 1024 * 1024 * 1024,
  description: 'Largest request body accepted, in bytes (default 10 MiB)',
  examples: [10_485_760],
});
const LogBodies = Type.Boolean({
  description: 'Whether request and response bodies are logged (default false)',
});

/** Input to register a service provided by an information system. */
export const ServiceInput = Type.Object(
  {
    code: Segment('Service code, unique within the system', 'tra-cuu-ho-so'),
    name: ServiceName,
    baseUrl: BaseUrl,
    openapi: Type.Optional(OpenApiText),
    enabled: Type.Optional(Enabled),
    timeoutMs: Type.Optional(TimeoutMs),
    maxBodyBytes: Type.Optional(MaxBodyBytes),
    logBodies: Type.Optional(LogBodies),
  },
  { additionalProperties: false, description: 'A new service of an information system' },
);
/** Input to register a service. */
export type ServiceInput = Static<typeof ServiceInput>;

/** Changes to a service; `openapi: null` removes the document. */
export const ServicePatch = Type.Object(
  {
    name: Type.Optional(ServiceName),
    baseUrl: Type.Optional(BaseUrl),
    openapi: Type.Optional(Type.Union([OpenApiText, Type.Null()])),
    enabled: Type.Optional(Enabled),
    timeoutMs: Type.Optional(TimeoutMs),
    maxBodyBytes: Type.Optional(MaxBodyBytes),
    logBodies: Type.Optional(LogBodies),
  },
  { additionalProperties: false, minProperties: 1, description: 'Fields to change' },
);
/** Changes to a service. */
export type ServicePatch = Static<typeof ServicePatch>;

/** A service as the API presents it; the OpenAPI document itself is fetched separately. */
export const ServiceView = Type.Object(
  {
    id: Type.String({
      description: '{instance}/{class}/{code}/{system}/{service}',
      examples: ['VN-HP/GOV/VP-UBND/HTTT-MOTCUA/tra-cuu-ho-so'],
    }),
    system: Type.String({ description: 'Providing system id', examples: ['VN-HP/GOV/VP-UBND/HTTT-MOTCUA'] }),
    code: Type.String({ examples: ['tra-cuu-ho-so'] }),
    name: Type.String({ examples: ['Tra cứu hồ sơ một cửa'] }),
    baseUrl: Type.String({ examples: ['https://motcua.haiphong.gov.vn/api'] }),
    hasOpenapi: Type.Boolean({ description: 'Whether an OpenAPI document is stored' }),
    enabled: Type.Boolean(),
    timeoutMs: Type.Integer(),
    maxBodyBytes: Type.Integer(),
    logBodies: Type.Boolean(),
    createdAt: DateTimeView('When it was registered'),
    updatedAt: DateTimeView('When it last changed'),
    sample: SampleView,
  },
  { description: 'A service provided through the exchange' },
);
/** A service as the API presents it. */
export type ServiceView = Static<typeof ServiceView>;

/** A page of services. */
export const ServicePage = PageOf(ServiceView);
