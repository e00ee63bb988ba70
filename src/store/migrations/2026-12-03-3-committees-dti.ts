import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released; add a new one instead.
// Committees whose decision or members are not confirmed (the 2025 consolidation under Resolution
// 57-NQ/TW), and the DTI as versioned data: an index method is a decision with main indices and
// components, their maximum points and weights, and the assessment years it serves; the yearly
// self-assessment campaign assigns the method's items to units; the published results sit beside it.
// The two methods known when this was written are inserted as reference data: QĐ 922/QĐ-BTTTT with
// the points of its decision (confirmed), and QĐ 405/QĐ-BKHCN with its 8 main indices and no points,
// because its appendix was not available; the secretariat enters and confirms them.

const QD_922 = '01JF0000000000000000000922';
const QD_405 = '01JF0000000000000000000405';
const CREATED = Date.parse('2026-12-03T00:00:00Z');

const INDICES_922 = [
  ['NT', 'Nhận thức số', 'foundation', 100],
  ['TC', 'Thể chế số', 'foundation', 100],
  ['HT', 'Hạ tầng số', 'foundation', 100],
  ['NL', 'Nhân lực số', 'foundation', 100],
  ['ATTT', 'An toàn thông tin mạng', 'foundation', 100],
  ['CQS', 'Hoạt động chính quyền số', 'activity', 200],
  ['KTS', 'Hoạt động kinh tế số', 'activity', 150],
  ['XHS', 'Hoạt động xã hội số', 'activity', 150],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('steering_committee_decisions')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('steering_committee_decisions').addColumn('note', 'text').execute();
  await db.schema
    .alterTable('steering_committee_members')
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('steering_dti_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('first_year', 'integer', (c) => c.notNull())
    .addColumn('last_year', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_dti_method_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method_id', 'text', (c) => c.notNull().references('steering_dti_methods.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text') // null for a main index, its main index for a component
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('index_group', 'text') // foundation | activity, for main indices
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('max_points', 'double precision') // null until entered
    .addColumn('weight', 'double precision') // null: the maximum points weigh the index
    .addColumn('points_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('steering_dti_method_items_code', ['method_id', 'code'])
    .execute();

  await db.schema
    .createTable('steering_dti_campaigns')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('method_id', 'text', (c) => c.notNull().references('steering_dti_methods.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('steering_dti_assignments')
    .addColumn('year', 'integer', (c) => c.notNull().references('steering_dti_campaigns.year'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('steering_units.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision')
    .addColumn('value', 'double precision')
    .addColumn('evidence', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('steering_dti_assignments_pk', ['year', 'item_code'])
    .execute();

  await db.schema
    .createTable('steering_dti_published')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('rank', 'integer')
    .addColumn('of_count', 'integer')
    .addColumn('total', 'double precision')
    .addColumn('method_label', 'text')
    .addColumn('published_on', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  const method = (id: string, fields: Record<string, unknown>) => ({
    id,
    created_at: CREATED,
    updated_at: CREATED,
    ...fields,
  });
  await db
    .insertInto('steering_dti_methods')
    .values([
      method(QD_922, {
        code: 'QD-922',
        decision_number: '922/QĐ-BTTTT',
        decision_date: '2022-05-20',
        issuer: 'Bộ trưởng Bộ Thông tin và Truyền thông',
        title:
          'Phê duyệt Đề án "Xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, các tỉnh, thành phố trực thuộc Trung ương và của quốc gia"',
        first_year: 2022,
        last_year: 2023,
        note: '9 chỉ số chính, 98 chỉ số thành phần, 1.000 điểm; Đô thị thông minh không tính điểm.',
      }),
      method(QD_405, {
        code: 'QD-405',
        decision_number: '405/QĐ-BKHCN',
        decision_date: '2025-04-03',
        issuer: 'Bộ trưởng Bộ Khoa học và Công nghệ',
        title:
          'Phê duyệt Đề án "Xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, các tỉnh, thành phố trực thuộc Trung ương và của quốc gia"',
        first_year: 2024,
        last_year: null,
        note: '8 chỉ số chính, 47 chỉ số thành phần. Điểm tối đa, trọng số và tên chỉ số thành phần chưa có (phụ lục chưa đọc được): Văn phòng nhập và xác nhận.',
      }),
    ])
    .execute();
  const item = (methodId: string, position: number, code: string, name: string, group: string) => ({
    id: `${methodId}-${position}`,
    method_id: methodId,
    code,
    parent_code: null,
    name,
    index_group: group,
    position,
    created_at: CREATED,
    updated_at: CREATED,
  });
  await db
    .insertInto('steering_dti_method_items')
    .values(
      INDICES_922.map(([code, name, group, maxPoints], i) => ({
        ...item(QD_922, i + 1, code, name, group),
        max_points: maxPoints,
        weight: null,
        points_confirmed: 1,
        confirmed_by: 'QĐ 922/QĐ-BTTTT',
        confirmed_at: CREATED,
      })),
    )
    .execute();
  await db
    .insertInto('steering_dti_method_items')
    .values(
      INDICES_922.map(([code, name, group], i) => ({
        ...item(QD_405, i + 1, code, name, group),
        max_points: null,
        weight: null,
        points_confirmed: 0,
        confirmed_by: null,
        confirmed_at: null,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('steering_dti_published').execute();
  await db.schema.dropTable('steering_dti_assignments').execute();
  await db.schema.dropTable('steering_dti_campaigns').execute();
  await db.schema.dropTable('steering_dti_method_items').execute();
  await db.schema.dropTable('steering_dti_methods').execute();
  await db.schema.alterTable('steering_committee_members').dropColumn('confirmed').execute();
  await db.schema.alterTable('steering_committee_decisions').dropColumn('note').execute();
  await db.schema.alterTable('steering_committee_decisions').dropColumn('confirmed').execute();
}
