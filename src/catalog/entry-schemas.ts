import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { OrganisationIdSchema, ServiceIdSchema } from '../registry/index.js';

/** Kinds of catalog entries: a dataset, or a data service backed by an exchange service. */
export const ENTRY_KINDS = ['dataset', 'service'] as const;
/** Classifications, from open data to personal data. */
export const CLASSIFICATIONS = ['open', 'shared', 'restricted', 'personal'] as const;
/** Lifecycle states of an entry. */
export const ENTRY_STATES = ['draft', 'published', 'deprecated', 'retired'] as const;
/** Update frequencies (mapped to the EU frequency vocabulary in the DCAT-AP export). */
export const UPDATE_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
  'irregular',
  'never',
] as const;
/** Theme codes of the DCAT-AP data-theme vocabulary. */
export const THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'INTR',
  'JUST',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const;
/** Kinds of schema document an entry may carry. */
export const SCHEMA_KINDS = ['json-schema', 'openapi', 'csvw', 'text'] as const;

const literals = <const T extends readonly string[]>(
  values: T,
  description: string,
): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  ) as TUnion<TLiteral<T[number]>[]>;

/** Entry kind. */
export const EntryKindSchema = Type.Union([Type.Literal('dataset'), Type.Literal('service')], {
  description: 'dataset, or service (a data service backed by an exchange service)',
});
/** Classification. */
export const ClassificationSchema = Type.Union(
  [Type.Literal('open'), Type.Literal('shared'), Type.Literal('restricted'), Type.Literal('personal')],
  { description: 'open (public), shared (between state bodies), restricted, personal (personal data)' },
);
/** Lifecycle state. */
export const EntryStateSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('published'), Type.Literal('deprecated'), Type.Literal('retired')],
  { description: 'draft → published → deprecated → retired' },
);
/** Update frequency. */
export const UpdateFrequencySchema = literals(UPDATE_FREQUENCIES, 'How often the data is updated');
/** DCAT-AP theme code. */
export const ThemeSchema = literals(THEMES, 'DCAT-AP data theme code, e.g. GOVE (government), JUST');

const Text = (max: number, description: string, example?: string) =>
  Type.String({ minLength: 1, maxLength: max, description, ...(example ? { examples: [example] } : {}) });
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const EntryDate = (description: string) =>
  Type.String({ pattern: DATE_PATTERN, description, examples: ['2021-01-01'] });

/** The officer answerable for an entry; every field is required. */
export const FocalOfficer = Type.Object(
  {
    name: Text(120, 'Full name', 'Nguyễn Thị Lan'),
    position: Text(160, 'Position', 'Phó Chánh Văn phòng'),
    phone: Type.String({
      pattern: '^\\+?[0-9 .()-]{6,20}$',
      description: 'Phone',
      examples: ['0225 3821 234'],
    }),
    email: Type.String({
      pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
      maxLength: 254,
      description: 'E-mail',
      examples: ['lan.nt@haiphong.gov.vn'],
    }),
  },
  { additionalProperties: false, description: 'The focal officer (đầu mối) of the entry' },
);
/** The officer answerable for an entry. */
export type FocalOfficer = Static<typeof FocalOfficer>;

/** One distribution of a dataset: a format and where to get it. */
export const Distribution = Type.Object(
  {
    format: Type.String({
      pattern: '^[A-Za-z0-9.+-]{1,20}$',
      description: 'Format, e.g. CSV, JSON, XLSX, API (upper-cased)',
      examples: ['CSV'],
    }),
    url: Type.String({ pattern: '^https?://\\S+$', maxLength: 2048, description: 'Access or download URL' }),
    mediaType: Type.Optional(Type.String({ pattern: '^[a-z]+/[A-Za-z0-9.+-]+$', examples: ['text/csv'] })),
    title: Type.Optional(Text(255, 'Title of the distribution')),
  },
  { additionalProperties: false },
);
/** One distribution of a dataset. */
export type Distribution = Static<typeof Distribution>;

/** A schema (JSON Schema, CSVW) or an OpenAPI document describing the data. */
export const SchemaDocument = Type.Object(
  {
    kind: literals(SCHEMA_KINDS, 'What the document is'),
    document: Type.String({ minLength: 1, maxLength: 262_144, description: 'The document text' }),
  },
  { additionalProperties: false },
);

const metadata = {
  title: Text(300, 'Title', 'Cơ sở dữ liệu hộ tịch thành phố Hải Phòng'),
  description: Text(10_000, 'Description'),
  focalOfficer: FocalOfficer,
  themes: Type.Array(ThemeSchema, { maxItems: 13, uniqueItems: true }),
  keywords: Type.Array(Text(80, 'Keyword', 'hộ tịch'), { maxItems: 30 }),
  classification: ClassificationSchema,
  updateFrequency: Type.Optional(Type.Union([UpdateFrequencySchema, Type.Null()])),
  temporalStart: Type.Optional(Type.Union([EntryDate('First day covered'), Type.Null()])),
  temporalEnd: Type.Optional(Type.Union([EntryDate('Last day covered'), Type.Null()])),
  spatial: Type.Optional(Type.Union([Text(255, 'Area covered', 'Thành phố Hải Phòng'), Type.Null()])),
  licence: Type.Optional(Type.Union([Text(255, 'Licence name or URL', 'CC-BY-4.0'), Type.Null()])),
  distributions: Type.Array(Distribution, { maxItems: 50 }),
  schema: Type.Optional(Type.Union([SchemaDocument, Type.Null()])),
  services: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: 50,
    uniqueItems: true,
    description: 'Datasets: ids of the data-service entries that serve it',
  }),
};

/** Input to create a catalog entry (as a draft). */
export const EntryInput = Type.Object(
  {
    kind: EntryKindSchema,
    publisher: OrganisationIdSchema,
    exchangeService: Type.Optional(ServiceIdSchema),
    ...metadata,
    themes: Type.Optional(metadata.themes),
    keywords: Type.Optional(metadata.keywords),
    distributions: Type.Optional(metadata.distributions),
    services: Type.Optional(metadata.services),
  },
  { additionalProperties: false, description: 'A new catalog entry; it starts as a draft' },
);
/** Input to create a catalog entry. */
export type EntryInput = Static<typeof EntryInput>;

/** Changes to an entry's metadata; null clears an optional field. */
export const EntryPatch = Type.Object(
  {
    exchangeService: Type.Optional(ServiceIdSchema),
    title: Type.Optional(metadata.title),
    description: Type.Optional(metadata.description),
    focalOfficer: Type.Optional(FocalOfficer),
    themes: Type.Optional(metadata.themes),
    keywords: Type.Optional(metadata.keywords),
    classification: Type.Optional(ClassificationSchema),
    updateFrequency: metadata.updateFrequency,
    temporalStart: metadata.temporalStart,
    temporalEnd: metadata.temporalEnd,
    spatial: metadata.spatial,
    licence: metadata.licence,
    distributions: Type.Optional(metadata.distributions),
    schema: metadata.schema,
    services: Type.Optional(metadata.services),
  },
  { additionalProperties: false, minProperties: 1, description: 'Fields to change' },
);
/** Changes to an entry's metadata. */
export type EntryPatch = Static<typeof EntryPatch>;

/** A lifecycle step. */
export const EntryTransition = Type.Object(
  {
    state: Type.Union([Type.Literal('published'), Type.Literal('deprecated'), Type.Literal('retired')], {
      description: 'The state to move to: draft → published → deprecated → retired',
    }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** A catalog entry as the API presents it. */
export const EntryView = Type.Object(
  {
    id: Type.String({ description: 'Entry id (UUIDv7)' }),
    kind: EntryKindSchema,
    publisher: Type.String({ examples: ['VN-HP/GOV/STP'] }),
    publisherName: Type.String({ examples: ['Sở Tư pháp'] }),
    sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu), which `cang sample remove` deletes' }),
    title: Type.String(),
    description: Type.String(),
    focalOfficer: FocalOfficer,
    themes: Type.Array(Type.String()),
    keywords: Type.Array(Type.String()),
    classification: ClassificationSchema,
    updateFrequency: Nullable(Type.String()),
    temporalStart: Nullable(Type.String()),
    temporalEnd: Nullable(Type.String()),
    spatial: Nullable(Type.String()),
    licence: Nullable(Type.String()),
    distributions: Type.Array(Distribution),
    schema: Type.Union([SchemaDocument, Type.Null()]),
    exchangeService: Nullable(Type.String()),
    services: Type.Array(Type.String(), { description: 'Datasets: the data-service entries serving it' }),
    datasets: Type.Array(Type.String(), { description: 'Data services: the datasets it serves' }),
    state: EntryStateSchema,
    revision: Type.Integer(),
    publishedAt: Nullable(Type.String()),
    lastReviewedAt: Nullable(Type.String()),
    reviewDueAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { description: 'A catalog entry (DCAT-AP shaped)' },
);
/** A catalog entry as the API presents it. */
export type EntryView = Static<typeof EntryView>;

/** One recorded change of an entry. */
export const RevisionView = Type.Object({
  revision: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
});
/** One recorded change of an entry. */
export type RevisionView = Static<typeof RevisionView>;
