import { type Static, Type } from '@sinclair/typebox';
import { parseInput } from '../../core/index.js';
import type { AuditActor, SteeringDtiPublishedTable } from '../../store/index.js';
import { CalendarDate, NullableText, Text } from '../common-schemas.js';
import type { SteeringContext } from '../steering-context.js';
import { DtiYear } from './dti-method-schemas.js';

/** A published DTI result of the city for a year, as the national ranking gave it. */
export const DtiPublishedInput = Type.Object(
  {
    rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Rank among the provinces' })),
    of: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Number of provinces ranked' })),
    total: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Published total, 0 to 1' })),
    method: Type.Optional(Text('Method it was assessed under', 'QĐ 405/QĐ-BKHCN', 100)),
    publishedOn: Type.Optional(CalendarDate('Date of publication', '2025-10-21')),
    verified: Type.Boolean({ description: 'Whether the figures were read in the source itself' }),
    source: Type.Optional(Text('Source', 'https://dantri.com.vn/…', 1000)),
    note: Type.Optional(Text('Note', 'Giá trị của thành phố sau hợp nhất', 2000)),
  },
  { additionalProperties: false },
);
/** A published result. */
export type DtiPublishedInput = Static<typeof DtiPublishedInput>;

const NullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

/** A published result as presented. */
export const DtiPublishedView = Type.Object({
  year: Type.Integer(),
  rank: NullableNumber('Rank; null where not published'),
  of: NullableNumber('Provinces ranked'),
  total: NullableNumber('Published total; null where not found'),
  method: NullableText('Method'),
  publishedOn: Type.Union([CalendarDate('Published on'), Type.Null()]),
  verified: Type.Boolean(),
  source: NullableText('Source'),
  note: NullableText('Note'),
  sample: Type.Boolean(),
});
/** A published result as presented. */
export type DtiPublishedView = Static<typeof DtiPublishedView>;

/** Path of a published result. */
export const DtiPublishedParams = Type.Object({ year: DtiYear });

/** Presents a published row. */
export const presentPublished = (row: SteeringDtiPublishedTable): DtiPublishedView => ({
  year: row.year,
  rank: row.rank,
  of: row.of_count,
  total: row.total,
  method: row.method_label,
  publishedOn: row.published_on,
  verified: row.verified === 1,
  source: row.source,
  note: row.note,
  sample: row.sample === 1,
});

/** The published results, oldest year first. */
export async function listPublished(context: SteeringContext): Promise<DtiPublishedView[]> {
  const rows = await context.db.selectFrom('steering_dti_published').selectAll().orderBy('year').execute();
  return rows.map(presentPublished);
}

/** Records (or replaces) the published result of a year. */
export async function putPublished(
  context: SteeringContext,
  actor: AuditActor,
  year: number,
  raw: DtiPublishedInput,
): Promise<DtiPublishedView> {
  const input = parseInput(DtiPublishedInput, raw, 'Invalid published DTI result', (value, problems) => {
    if (typeof value.rank === 'number' && typeof value.of === 'number' && value.rank > value.of)
      problems.add('/rank', 'must not be more than of');
  });
  return context.write(actor, async (trx, now) => {
    const fields = {
      rank: input.rank ?? null,
      of_count: input.of ?? null,
      total: input.total ?? null,
      method_label: input.method ?? null,
      published_on: input.publishedOn ?? null,
      verified: input.verified ? 1 : 0,
      source: input.source ?? null,
      note: input.note ?? null,
      updated_at: now,
    };
    const existing = await trx
      .selectFrom('steering_dti_published')
      .select('year')
      .where('year', '=', year)
      .executeTakeFirst();
    if (existing === undefined)
      await trx
        .insertInto('steering_dti_published')
        .values({ year, ...fields, sample: 0, created_at: now })
        .execute();
    else await trx.updateTable('steering_dti_published').set(fields).where('year', '=', year).execute();
    const row = await trx
      .selectFrom('steering_dti_published')
      .selectAll()
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    return {
      result: presentPublished(row),
      audit: { action: 'steering.dti.published.put', resource: `dti/published/${year}`, details: input },
    };
  });
}
