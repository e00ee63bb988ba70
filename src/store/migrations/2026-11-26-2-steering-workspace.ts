import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// The steering workspace: units and their history, attachments, documents, committees, programs,
// task groups, tasks and their history, periodic reports. Calendar dates are text 'YYYY-MM-DD'
// (they sort and compare as text on both dialects); times are bigint Unix ms; JSON is text.

export async function up(db: Kysely<any>): Promise<void> {
  // Contract shared with the indicators migration (2026-11-26-steering-2-indicators): do not change.
  await db.schema
    .createTable('steering_units')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the unit code, e.g. UBND-HP, SNV, Q-LECHAN
    .addColumn('admin_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // city | department | district | commune
    .addColumn('parent_id', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text') // last day the unit existed, inclusive; null while it exists
    .addColumn('successor_id', 'text') // merged or renamed into
    .addColumn('organisation_id', 'text') // registry organisation VN-HP/GOV/{code}
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_unit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('steering_units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // created | renamed | merged | abolished
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text')
    .addColumn('previous_name', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('steering_unit_events_unit')
    .on('steering_unit_events')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('steering_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull()) // hex
    .addColumn('content', 'text', (c) => c.notNull()) // base64
    .addColumn('unit_id', 'text') // the unit that uploaded it as evidence; null for the secretariat
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('steering_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // resolution | decision | plan | regulation | report
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('steering_units.id'))
    .addColumn('attachment_id', 'text', (c) => c.references('steering_attachments.id'))
    .addColumn('replaces', 'text')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('steering_documents_number', ['number', 'issuer'])
    .execute();

  await db.schema
    .createTable('steering_committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('steering_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_committee_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) =>
      c.notNull().references('steering_committees.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull()) // founding | consolidating
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('steering_documents.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) =>
      c.notNull().references('steering_committees.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull()) // head | standing-deputy | deputy | member | working-group
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('steering_programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('steering_units.id'))
    .addColumn('document_id', 'text', (c) => c.references('steering_documents.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_task_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('steering_programs.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('steering_task_groups_code', ['program_id', 'code'])
    .execute();
  await db.schema
    .createTable('steering_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('steering_programs.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('steering_task_groups.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('expected_output', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('steering_units.id'))
    .addColumn('coordinating_unit_ids', 'text', (c) => c.notNull()) // JSON array of unit ids
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('funding_source', 'text')
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // not-started | in-progress | completed | suspended | cancelled
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('steering_tasks_code', ['program_id', 'code'])
    .execute();
  await db.schema.createIndex('steering_tasks_lead').on('steering_tasks').column('lead_unit_id').execute();
  await db.schema.createIndex('steering_tasks_group').on('steering_tasks').column('group_id').execute();
  await db.schema
    .createTable('steering_task_history')
    .addColumn('id', 'text', (c) => c.primaryKey()) // UUIDv7, so ids sort by time
    .addColumn('task_id', 'text', (c) => c.notNull().references('steering_tasks.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // 1, 2, … per task: the order of changes
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // create | update | report | import
    .addColumn('report_id', 'text')
    .addColumn('changes', 'text', (c) => c.notNull()) // JSON {field: {from, to}}
    .addUniqueConstraint('steering_task_history_seq', ['task_id', 'seq'])
    .execute();

  await db.schema
    .createTable('steering_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('steering_units.id'))
    .addColumn('period', 'text', (c) => c.notNull()) // YYYY-MM | YYYY-Qn | YYYY-Hn | YYYY
    .addColumn('status', 'text', (c) => c.notNull()) // draft | submitted | accepted | returned
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('return_comment', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('steering_reports_unit_period', ['unit_id', 'period'])
    .execute();
  await db.schema
    .createTable('steering_report_items')
    .addColumn('report_id', 'text', (c) => c.notNull().references('steering_reports.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('steering_tasks.id'))
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('narrative', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull()) // JSON array of attachment ids
    .addPrimaryKeyConstraint('steering_report_items_pk', ['report_id', 'task_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'steering_report_items',
    'steering_reports',
    'steering_task_history',
    'steering_tasks',
    'steering_task_groups',
    'steering_programs',
    'steering_committee_members',
    'steering_committee_decisions',
    'steering_committees',
    'steering_documents',
    'steering_attachments',
    'steering_unit_events',
    'steering_units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
