import { type TSchema, Type } from '@sinclair/typebox';

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]{0,63}';
const CLASS = '(GOV|COM|ORG)';

/** One identifier segment (ARCHITECTURE.md, "Identifiers"), as a JSON Schema pattern. */
export const SEGMENT_PATTERN_SOURCE = `^${SEGMENT}$`;
/** `{instance}/{class}/{code}` as a JSON Schema pattern. */
export const ORGANISATION_ID_PATTERN = `^${SEGMENT}/${CLASS}/${SEGMENT}$`;
/** `{instance}/{class}/{code}/{system}` as a JSON Schema pattern. */
export const SYSTEM_ID_PATTERN = `^${SEGMENT}/${CLASS}/${SEGMENT}/${SEGMENT}$`;
/** `{instance}/{class}/{code}/{system}/{service}` as a JSON Schema pattern. */
export const SERVICE_ID_PATTERN = `^${SEGMENT}/${CLASS}/${SEGMENT}/${SEGMENT}/${SEGMENT}$`;
/** One identifier segment, e.g. a system or service code. */
export const Segment = (description: string, example: string) =>
  Type.String({ pattern: SEGMENT_PATTERN_SOURCE, description, examples: [example] });

/** Member class: GOV (state body), COM (enterprise), ORG (other). */
export const MemberClassSchema = Type.Union([Type.Literal('GOV'), Type.Literal('COM'), Type.Literal('ORG')], {
  description: 'Member class: GOV (state body), COM (enterprise), ORG (other)',
  examples: ['GOV'],
});

/** An organisation identifier `{instance}/{class}/{code}`. */
export const OrganisationIdSchema = Type.String({
  pattern: ORGANISATION_ID_PATTERN,
  description: 'Organisation identifier {instance}/{class}/{code}',
  examples: ['VN-HP/GOV/SNV'],
});

/** A system identifier `{instance}/{class}/{code}/{system}`. */
export const SystemIdSchema = Type.String({
  pattern: SYSTEM_ID_PATTERN,
  description: 'Information system identifier {instance}/{class}/{code}/{system}',
  examples: ['VN-HP/GOV/SNV/HTTT-CBCC'],
});

/** A service identifier `{instance}/{class}/{code}/{system}/{service}`. */
export const ServiceIdSchema = Type.String({
  pattern: SERVICE_ID_PATTERN,
  description: 'Service identifier {instance}/{class}/{code}/{system}/{service}',
  examples: ['VN-HP/GOV/STP/HTTT-HOTICH/tra-cuu-khai-sinh'],
});

/** A human-readable name in Vietnamese or English, stored as NFC. */
export const NameSchema = (description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: 255, description, examples: [example] });

/** Query of a paginated list: page size and the cursor from the previous page. */
export const ListQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page (at most 200)' }),
    ),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);

/** A page of a list, ordered by id; `nextCursor` is null on the last page. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` to get the next page; null on the last page',
    }),
  });

/** A page of a list, as the registry returns it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
