import { Value } from '@sinclair/typebox/value';
import type { Kysely } from 'kysely';
import { CangError, FieldProblems } from '../../core/index.js';
import { type AuditActor, type Database, recordAudit, type SteeringTaskTable } from '../../store/index.js';
import type { SteeringContext } from '../steering-context.js';
import { buildNewTask } from '../task-commands.js';
import { diffTask, recordTaskChange } from '../task-rows.js';
import { TaskInput } from '../task-schemas.js';
import { columnOfPointer, parseTaskStatus, TASK_SHEET_COLUMNS } from './task-sheet-columns.js';
import { cellDate, cellNumber, cellText, readTaskSheet } from './task-xlsx-cells.js';
import type { SheetRow } from './xlsx-reader.js';

/** Why a row was refused, naming the column ('I', 'Hạn hoàn thành') and the task field. */
export interface TaskImportReason {
  readonly pointer: string;
  readonly column: string;
  readonly header: string;
  readonly detail: string;
}

/** The outcome of one row; `row` is the row number Excel shows, `taskId` set once imported. */
export interface TaskImportRowResult {
  readonly row: number;
  readonly code: string;
  readonly ok: boolean;
  readonly taskId: string | null;
  readonly reasons: TaskImportReason[];
}

/** The outcome of a task import: whether anything was written, how much, and every row's result. */
export interface TaskImportReport {
  readonly committed: boolean;
  readonly imported: number;
  readonly rows: TaskImportRowResult[];
}

/** How a task import runs. */
export interface TaskImportOptions {
  /** Import the good rows even when some are bad; by default one bad row imports nothing. */
  readonly acceptValid?: boolean;
}

// Thrown inside the write to roll it back (and its audit entry) when nothing is to be imported.
class NothingImported extends Error {
  constructor(readonly report: TaskImportReport) {
    super('nothing imported');
  }
}

const REQUIRED = ['programCode', 'groupCode', 'code', 'title', 'expectedOutput', 'leadUnitId'] as const;

/** Reads one row's cells into a task input, noting every cell that cannot be read. */
function rowInput(sheet: SheetRow, problems: FieldProblems): Record<string, unknown> & { code: string } {
  const cell = (key: string) => sheet.cells[TASK_SHEET_COLUMNS.findIndex((column) => column.key === key)];
  const text = (key: string) => cellText(cell(key));
  for (const key of REQUIRED) {
    if (text(key) === '') problems.add(TASK_SHEET_COLUMNS.find((c) => c.key === key)!.pointer, 'is required');
  }
  const input: Record<string, unknown> & { code: string } = {
    code: text('code'),
    title: text('title'),
    expectedOutput: text('expectedOutput'),
    leadUnitId: text('leadUnitId'),
    coordinatingUnitIds: text('coordinatingUnitIds')
      .split(/[,;]/)
      .map((unit) => unit.trim())
      .filter((unit) => unit !== ''),
  };
  for (const key of ['startDate', 'deadline'] as const) {
    const date = cellDate(cell(key));
    if (date !== undefined) input[key] = date;
    else problems.add(`/${key}`, text(key) === '' ? 'is required' : 'is not a date (dd/mm/yyyy)');
  }
  if (text('fundingSource') !== '') input.fundingSource = text('fundingSource');
  for (const key of ['weight', 'progress'] as const) {
    if (text(key) === '') continue;
    const number = cellNumber(cell(key));
    if (number === undefined) problems.add(`/${key}`, 'is not a number');
    else input[key] = number;
  }
  if (text('status') !== '') {
    const status = parseTaskStatus(text('status'));
    if (status === undefined) {
      problems.add('/status', 'must be Chưa bắt đầu, Đang thực hiện, Hoàn thành, Tạm dừng or Đã hủy');
    } else input.status = status;
  }
  return input;
}

/** Names the column of every problem. */
function reasonsOf(problems: FieldProblems): TaskImportReason[] {
  return problems.list().map((problem) => {
    const column = columnOfPointer(problem.pointer);
    return { ...problem, column: column?.letter ?? '', header: column?.header ?? '' };
  });
}

/** Finds a group by its code; '1' also finds '01', since Excel drops the zero of a number-like code. */
function groupByCode(groups: readonly { id: string; code: string }[], code: string) {
  return (
    groups.find((group) => group.code === code) ??
    (/^\d+$/.test(code)
      ? groups.find((group) => /^\d+$/.test(group.code) && +group.code === +code)
      : undefined)
  );
}

interface CheckedRow {
  readonly result: TaskImportRowResult;
  readonly row?: SteeringTaskTable;
  readonly input?: TaskInput;
}

/** Checks one sheet row by the rules of a single task creation, plus the file's own rules. */
async function checkRow(
  trx: Kysely<Database>,
  program: { id: string; code: string },
  groups: readonly { id: string; code: string }[],
  sheet: SheetRow,
  firstRowOfCode: Map<string, number>,
  now: number,
): Promise<CheckedRow> {
  const problems = new FieldProblems();
  const programCode = cellText(sheet.cells[0]);
  if (programCode !== '' && programCode !== program.code)
    problems.add('/programCode', `is ${programCode}, but the tasks are imported into ${program.code}`);
  const input = rowInput(sheet, problems);
  const groupCode = cellText(sheet.cells[1]);
  const group = groupCode === '' ? undefined : groupByCode(groups, groupCode);
  if (groupCode !== '' && group === undefined)
    problems.add('/groupId', `no task group ${groupCode} in ${program.code}`);
  input.groupId = group?.id ?? '';
  const first = firstRowOfCode.get(input.code);
  if (input.code !== '' && first !== undefined)
    problems.add('/code', `task ${input.code} is already in row ${first}`);
  else if (input.code !== '') firstRowOfCode.set(input.code, sheet.row);
  for (const error of Value.Errors(TaskInput, input)) problems.add(error.path || '/', error.message);
  let row: SteeringTaskTable | undefined;
  try {
    // The very checks of a single creation: dates, lead unit active on the start, known units, duplicates.
    // An unreadable status would make any progress look inconsistent with it: check the progress alone.
    const candidate = problems.has('/status') ? { ...input, progress: undefined } : input;
    row = await buildNewTask(trx, program.id, candidate as TaskInput, now, false);
  } catch (error) {
    if (!(error instanceof CangError) || error.code !== 'validation-failed') throw error;
    for (const problem of error.errors ?? []) problems.add(problem.pointer, problem.detail);
  }
  const reasons = reasonsOf(problems);
  const ok = reasons.length === 0;
  return {
    result: { row: sheet.row, code: input.code, ok, taskId: null, reasons },
    ...(ok && row !== undefined ? { row, input: input as TaskInput } : {}),
  };
}

/**
 * Imports tasks into a program from the first sheet of an .xlsx file (columns A…M of
 * TASK_SHEET_COLUMNS; a first row that does not start with the program's code is the header), in one
 * transaction with the audit trail. Every row goes through the checks of a single task creation; a
 * file with any bad row imports nothing unless `acceptValid`.
 */
export async function importTasks(
  context: SteeringContext,
  actor: AuditActor,
  programId: string,
  file: Uint8Array,
  options: TaskImportOptions = {},
): Promise<TaskImportReport> {
  const program = await context.db
    .selectFrom('steering_programs')
    .select(['id', 'code', 'unit_id'])
    .where('id', '=', programId)
    .executeTakeFirst();
  if (program === undefined) throw new CangError('not-found', `No program ${programId}`);
  const sheet = (await readTaskSheet(file)).filter(
    (row) => row.row !== 1 || cellText(row.cells[0]) === program.code,
  );
  if (sheet.length === 0) {
    throw new CangError('validation-failed', 'The sheet has no tasks', {
      errors: [{ pointer: '/file', detail: 'the first sheet has no task rows' }],
    });
  }
  try {
    return await context.write<TaskImportReport>(actor, async (trx, now) => {
      const groups = await trx
        .selectFrom('steering_task_groups')
        .select(['id', 'code'])
        .where('program_id', '=', programId)
        .execute();
      const firstRowOfCode = new Map<string, number>();
      const checked: CheckedRow[] = [];
      for (const row of sheet) checked.push(await checkRow(trx, program, groups, row, firstRowOfCode, now));
      const good = checked.filter((entry) => entry.row !== undefined);
      const commit = good.length > 0 && (good.length === checked.length || options.acceptValid === true);
      if (!commit) {
        throw new NothingImported({ committed: false, imported: 0, rows: checked.map((c) => c.result) });
      }
      const rows: TaskImportRowResult[] = [];
      for (const entry of checked) {
        if (entry.row === undefined) {
          rows.push(entry.result);
          continue;
        }
        const task = entry.row;
        await trx.insertInto('steering_tasks').values(task).execute();
        await recordTaskChange(trx, {
          taskId: task.id,
          actor: actor.id,
          at: now,
          source: 'import',
          changes: diffTask(undefined, task),
        });
        await recordAudit(
          trx,
          actor,
          {
            action: 'steering.task.import',
            resource: `${task.lead_unit_id}/${task.id}`,
            details: { ...entry.input, row: entry.result.row },
          },
          now,
        );
        rows.push({ ...entry.result, taskId: task.id });
      }
      return {
        result: { committed: true, imported: good.length, rows },
        audit: {
          action: 'steering.program.import-tasks',
          resource: `${program.unit_id}/${program.id}`,
          details: {
            imported: good.length,
            refusedRows: rows.filter((row) => !row.ok).map((row) => row.row),
            acceptValid: options.acceptValid === true,
          },
        },
      };
    });
  } catch (error) {
    if (error instanceof NothingImported) return error.report;
    throw error;
  }
}
