import { type Static, Type } from '@sinclair/typebox';
import { DateTimeInput, DateTimeView, OptionalDateTimeView } from '../core/index.js';
import { ListQuery, PageOf, ServiceIdSchema, SystemIdSchema } from './common-schemas.js';
import { SampleView } from '../store/index.js';

/** Methods a grant may name. */
export const GRANT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Input to grant a client system access to a service. */
export const GrantInput = Type.Object(
  {
    client: SystemIdSchema,
    service: ServiceIdSchema,
    methods: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 16 }), {
        minItems: 1,
        maxItems: 7,
        description: 'HTTP methods allowed (GET HEAD POST PUT PATCH DELETE OPTIONS, any case); omit for any',
        examples: [['GET', 'HEAD']],
      }),
    ),
    pathPatterns: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
        minItems: 1,
        maxItems: 100,
        description:
          'Paths allowed, each starting with /; a segment is a literal, * (one segment) or ** (the rest, last only); omit for any',
        examples: [['/ho-so/*', '/thu-tuc/**']],
      }),
    ),
    quotaPerMinute: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Requests per minute; omit for no quota' }),
    ),
    expiresAt: Type.Optional(DateTimeInput('When the grant stops working; must be in the future')),
  },
  { additionalProperties: false, description: 'An access grant: a client system may call a service' },
);
/** Input to create an access grant. */
export type GrantInput = Static<typeof GrantInput>;

/** Filters and page of the grant list. */
export const GrantListQuery = Type.Object(
  {
    ...ListQuery.properties,
    client: Type.Optional(SystemIdSchema),
    service: Type.Optional(ServiceIdSchema),
  },
  { additionalProperties: false },
);
/** Filters and page of the grant list. */
export type GrantListQuery = Static<typeof GrantListQuery>;

/** An access grant as the API presents it. */
export const GrantView = Type.Object(
  {
    id: Type.String({ description: 'Grant id (UUIDv7)' }),
    client: Type.String({ description: 'Client system id', examples: ['VN-HP/GOV/SNV/HTTT-CBCC'] }),
    service: Type.String({ description: 'Service id', examples: ['VN-HP/GOV/STP/HTTT-HOTICH/tra-cuu'] }),
    methods: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'null = any method' }),
    pathPatterns: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'null = any path' }),
    quotaPerMinute: Type.Union([Type.Integer(), Type.Null()]),
    expiresAt: OptionalDateTimeView('When the grant stops working; null = never'),
    expired: Type.Boolean({ description: 'Whether it has expired (expired grants are not published)' }),
    createdAt: DateTimeView('When it was granted'),
    sample: SampleView,
  },
  { description: 'An access grant' },
);
/** An access grant as the API presents it. */
export type GrantView = Static<typeof GrantView>;

/** A page of grants. */
export const GrantPage = PageOf(GrantView);
