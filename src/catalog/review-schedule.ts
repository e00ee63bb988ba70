/** Months between two reviews of an open dataset. */
export const REVIEW_INTERVAL_MONTHS = 6;

/**
 * The time a review falls due: the same calendar day `months` later (UTC), clamped to the month's
 * last day (a review on 31 August is due on 28 or 29 February).
 */
export function reviewDueAfter(reviewedAt: number, months = REVIEW_INTERVAL_MONTHS): number {
  const date = new Date(reviewedAt);
  const day = date.getUTCDate();
  const target = new Date(reviewedAt);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
}
