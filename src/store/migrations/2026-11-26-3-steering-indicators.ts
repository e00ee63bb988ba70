import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Indicators of the steering workspace: definitions, targets per level and year, and values per unit and
// period. Units live in steering_units (the workspace migration); values name them by id without a
// foreign key so the two halves of the steering schema can be migrated and tested independently.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('steering_indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pillar', 'text', (c) => c.notNull())
    .addColumn('measure_unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_year', 'integer')
    .addColumn('measure', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('steering_indicator_targets')
    .addColumn('indicator_code', 'text', (c) =>
      c.notNull().references('steering_indicators.code').onDelete('cascade'),
    )
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('steering_indicator_targets_pk', ['indicator_code', 'level', 'year'])
    .execute();

  await db.schema
    .createTable('steering_indicator_values')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) =>
      c.notNull().references('steering_indicators.code').onDelete('cascade'),
    )
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('evidence_note', 'text')
    .addColumn('attachment_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // (period, indicator, unit): scoring reads one period with one range scan of this key.
    .addPrimaryKeyConstraint('steering_indicator_values_pk', ['period', 'indicator_code', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('steering_indicator_values_unit')
    .on('steering_indicator_values')
    .columns(['unit_id', 'indicator_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['steering_indicator_values', 'steering_indicator_targets', 'steering_indicators']) {
    await db.schema.dropTable(table).execute();
  }
}
