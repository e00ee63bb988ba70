import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The merged city of 2025-07-01. A former commune could be split between several new ones, so a merger
// event now says whether the unit went whole or in part, and may record the share of the unit's counts
// and the weight (e.g. population) it brought, which a derived series needs. A unit gets a note (where
// its record comes from and how far it is verified), and an organisation the last day it existed
// (valid_to, inclusive, as for units), so members that ended can be marked as ended.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('steering_unit_events').addColumn('whole', 'integer').execute();
  await db.schema.alterTable('steering_unit_events').addColumn('share', 'double precision').execute();
  await db.schema.alterTable('steering_unit_events').addColumn('weight', 'double precision').execute();
  await db.schema
    .createIndex('steering_unit_events_successor')
    .on('steering_unit_events')
    .column('successor_id')
    .execute();
  await db.schema.alterTable('steering_units').addColumn('note', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('valid_to', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('valid_to').execute();
  await db.schema.alterTable('steering_units').dropColumn('note').execute();
  await db.schema.dropIndex('steering_unit_events_successor').execute();
  await db.schema.alterTable('steering_unit_events').dropColumn('weight').execute();
  await db.schema.alterTable('steering_unit_events').dropColumn('share').execute();
  await db.schema.alterTable('steering_unit_events').dropColumn('whole').execute();
}
