import {
  deadlineAfter,
  lateIfStartedBefore,
  localDateOf,
  type WorkingCalendar,
  type WorkingDayDeadline,
} from '../core/index.js';

/**
 * Working days a data provider has to answer a request for a connection: Decree 47/2020/NĐ-CP Art. 35(3)
 * as amended by Decree 194/2025/NĐ-CP (in force 19/8/2025) gives 2 working days to create the connection
 * account, or to refuse in writing with reasons and their legal basis.
 */
export const DECISION_WORKING_DAYS = 2;

/*
 * Due dates are computed when a request is read, never stored: the working calendar they are counted in
 * changes when the secretariat enters a year's official schedule (a day off decided late, a swapped
 * working day), and a stored due date would go stale with no event to recompute it on. Reading the
 * calendar costs one small query per list or request.
 */

/** When the owner's decision on a request (re)submitted at `submittedAt` falls due. */
export function decisionDeadline(calendar: WorkingCalendar, submittedAt: number): WorkingDayDeadline {
  // The day of submission is not counted (Civil Code 2015 Art. 147(2)).
  return deadlineAfter(calendar, localDateOf(submittedAt), DECISION_WORKING_DAYS);
}

/** The instant before which an undecided request's submission makes it overdue at `now`. */
export function overdueIfSubmittedBefore(calendar: WorkingCalendar, now: number): number {
  return lateIfStartedBefore(calendar, now, DECISION_WORKING_DAYS);
}
