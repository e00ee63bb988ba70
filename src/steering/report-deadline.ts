import { addDays } from './calendar-date.js';
import type { Period } from './period.js';

/** Days after the end of a period by which its report is due (inclusive). */
export const REPORT_GRACE_DAYS = 5;

/**
 * The last day a period's report is on time: REPORT_GRACE_DAYS days after the period ends
 * (a 2025-Q2 report is due by 2025-07-05).
 */
export function reportDeadline(period: Period): string {
  return addDays(period.end, REPORT_GRACE_DAYS);
}
