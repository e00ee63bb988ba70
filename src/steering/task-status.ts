import { addDays } from './calendar-date.js';

/** Stored task statuses; "overdue" is not one of them, it is computed from the deadline. */
export const TASK_STATUSES = ['not-started', 'in-progress', 'completed', 'suspended', 'cancelled'] as const;
/** A stored task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Progress a status implies when none is given; suspended and cancelled keep the current progress. */
export const DEFAULT_PROGRESS: Readonly<Partial<Record<TaskStatus, number>>> = {
  'not-started': 0,
  'in-progress': 50,
  completed: 100,
};

/** Days ahead within which an open task is "due soon". */
export const DUE_SOON_DAYS = 30;

/**
 * Statuses left out of the weighted roll-up: a cancelled task will never be done, and a suspended one
 * is on hold by decision, so neither should drag its group's progress down.
 */
export const EXCLUDED_FROM_ROLL_UP: ReadonlySet<string> = new Set(['suspended', 'cancelled']);

const CLOSED: ReadonlySet<string> = new Set(['completed', 'cancelled']);

/** Whether a task is overdue on a date: past its deadline and neither completed nor cancelled. */
export function isOverdue(task: { deadline: string; status: string }, asOf: string): boolean {
  return !CLOSED.has(task.status) && task.deadline < asOf;
}

/** Whether an open, not suspended task's deadline falls within DUE_SOON_DAYS days from the date. */
export function isDueSoon(task: { deadline: string; status: string }, asOf: string): boolean {
  return (
    !CLOSED.has(task.status) &&
    task.status !== 'suspended' &&
    task.deadline >= asOf &&
    task.deadline <= addDays(asOf, DUE_SOON_DAYS)
  );
}

/**
 * Weighted mean of progress (0..100), rounded to one decimal, over the items that count; null when
 * none counts or every weight is zero.
 */
export function weightedProgress(
  items: readonly { weight: number; progress: number | null }[],
): number | null {
  let weights = 0;
  let sum = 0;
  for (const item of items) {
    if (item.progress === null) continue;
    weights += item.weight;
    sum += item.weight * item.progress;
  }
  return weights === 0 ? null : Math.round((sum / weights) * 10) / 10;
}

/** A group's progress: the weighted mean of its tasks, leaving out suspended and cancelled ones. */
export function groupProgress(
  tasks: readonly { weight: number; progress: number; status: string }[],
): number | null {
  return weightedProgress(tasks.filter((task) => !EXCLUDED_FROM_ROLL_UP.has(task.status)));
}
