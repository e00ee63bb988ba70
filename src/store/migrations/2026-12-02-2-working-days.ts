import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Legal deadlines in working days: the official working calendar of each year as the steering secretariat
// enters it from the Prime Minister's decision (days off and swapped working days), and the legal basis a
// refusal of a sharing request must cite (Decree 194/2025/NĐ-CP).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('steering_working_calendars')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_working_calendar_days')
    // One row per date: a date is either a day off or a working day, never both.
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) =>
      c.notNull().references('steering_working_calendars.year').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steering_working_calendar_days_year')
    .on('steering_working_calendar_days')
    .column('year')
    .execute();

  await db.schema.alterTable('sharing_requests').addColumn('decision_legal_basis', 'text').execute();
}
