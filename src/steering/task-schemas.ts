import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, NullableText, Text, UnitId } from './common-schemas.js';
import { TASK_STATUSES } from './task-status.js';

const TaskStatusSchema = Type.Union(
  TASK_STATUSES.map((status) => Type.Literal(status)),
  { description: 'not-started, in-progress, completed, suspended or cancelled (overdue is computed)' },
);
const Weight = Type.Number({
  minimum: 0,
  maximum: 1000,
  description: 'Weight in the roll-up',
  examples: [1],
});
const Progress = Type.Integer({ minimum: 0, maximum: 100, description: 'Percent done' });

/** A new program. */
export const ProgramInput = Type.Object(
  {
    code: Text('Program code', 'CT-284', 64),
    title: Text('Title', 'Chương trình hành động thực hiện Nghị quyết 03-NQ/TU về chuyển đổi số', 1000),
    unitId: UnitId('The unit that owns it', 'UBND-HP'),
    documentId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'The deciding document' }),
    ),
    startDate: CalendarDate('Start', '2022-01-24'),
    endDate: CalendarDate('End', '2025-12-31'),
  },
  { additionalProperties: false },
);
/** A new program. */
export type ProgramInput = Static<typeof ProgramInput>;

/** A new task group of a program. */
export const GroupInput = Type.Object(
  {
    code: Text('Group code', '01', 32),
    title: Text('Title', 'Nâng cao nhận thức, truyền thông', 500),
    weight: Type.Optional(Weight),
  },
  { additionalProperties: false },
);
/** A new task group. */
export type GroupInput = Static<typeof GroupInput>;

const taskFields = {
  groupId: Type.String({ minLength: 1, maxLength: 64, description: 'The task group' }),
  code: Text('Task code, unique in the program', 'NV-03.02', 64),
  title: Text('Title', 'Xây dựng Trung tâm dữ liệu thành phố', 1000),
  expectedOutput: Text('Expected output', 'Trung tâm dữ liệu đưa vào vận hành', 1000),
  leadUnitId: UnitId('Lead unit, active on the start date', 'SKHCN'),
  coordinatingUnitIds: Type.Array(UnitId('Coordinating unit'), { maxItems: 50, uniqueItems: true }),
  startDate: CalendarDate('Start', '2022-03-01'),
  deadline: CalendarDate('Deadline, not before the start', '2023-12-31'),
  fundingSource: Type.Optional(Text('Funding source', 'Ngân sách thành phố', 255)),
  weight: Weight,
  status: TaskStatusSchema,
  progress: Progress,
};

/** A new task; status defaults to not-started and progress to the status's default. */
export const TaskInput = Type.Object(
  {
    ...taskFields,
    coordinatingUnitIds: Type.Optional(taskFields.coordinatingUnitIds),
    weight: Type.Optional(Weight),
    status: Type.Optional(TaskStatusSchema),
    progress: Type.Optional(Progress),
  },
  { additionalProperties: false },
);
/** A new task. */
export type TaskInput = Static<typeof TaskInput>;

/** Changes to a task; null clears the funding source. */
export const TaskPatch = Type.Partial(
  Type.Object({
    ...taskFields,
    fundingSource: Type.Union([Text('Funding source', 'Ngân sách thành phố', 255), Type.Null()]),
  }),
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a task. */
export type TaskPatch = Static<typeof TaskPatch>;

/** A task as presented, with overdue and due-soon computed as of a date. */
export const TaskView = Type.Object({
  id: Type.String(),
  programId: Type.String(),
  groupId: Type.String(),
  code: Type.String(),
  title: Type.String(),
  expectedOutput: Type.String(),
  leadUnitId: Type.String(),
  coordinatingUnitIds: Type.Array(Type.String()),
  startDate: CalendarDate('Start'),
  deadline: CalendarDate('Deadline'),
  fundingSource: NullableText('Funding source'),
  weight: Type.Number(),
  status: TaskStatusSchema,
  progress: Type.Integer(),
  overdue: Type.Boolean({ description: 'Past the deadline and not completed or cancelled, as of asOf' }),
  dueSoon: Type.Boolean({ description: 'Due within 30 days of asOf' }),
  sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu)' }),
});
/** A task as presented. */
export type TaskView = Static<typeof TaskView>;

/** A task group with its rolled-up progress. */
export const GroupView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  weight: Type.Number(),
  progress: Type.Union([Type.Number(), Type.Null()], {
    description: 'Weighted, without suspended/cancelled',
  }),
  taskCount: Type.Integer(),
  overdueCount: Type.Integer(),
});

/** A program with its groups and rolled-up progress. */
export const ProgramView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  documentId: NullableText('Deciding document'),
  startDate: CalendarDate('Start'),
  endDate: CalendarDate('End'),
  asOf: CalendarDate('Date of the computed fields'),
  progress: Type.Union([Type.Number(), Type.Null()]),
  groups: Type.Array(GroupView),
  sample: Type.Boolean(),
});
/** A program as presented. */
export type ProgramView = Static<typeof ProgramView>;

/** Filters of the task list. */
export const TaskQuery = Type.Object(
  {
    programId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    leadUnitId: Type.Optional(UnitId()),
    status: Type.Optional(TaskStatusSchema),
    due: Type.Optional(
      Type.Union([Type.Literal('overdue'), Type.Literal('due-soon')], { description: 'overdue or due-soon' }),
    ),
    asOf: Type.Optional(CalendarDate('Date for overdue and due-soon; today by default')),
  },
  { additionalProperties: false },
);
/** Filters of the task list. */
export type TaskQuery = Static<typeof TaskQuery>;

/** One change of a task. */
export const TaskChangeView = Type.Object({
  id: Type.String(),
  at: Type.String({ description: 'RFC 3339' }),
  actor: Type.String(),
  source: Type.String({ description: 'create, update, report or import' }),
  reportId: NullableText('The accepted report that made the change'),
  changes: Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() })),
});
/** One change of a task. */
export type TaskChangeView = Static<typeof TaskChangeView>;
