// Hải Phòng keeps Indochina Time (UTC+7, no daylight saving): "today", deadlines and working days are local
// calendar dates.
/** Hải Phòng's offset from UTC, in ms. */
export const LOCAL_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date 'YYYY-MM-DD' in Hải Phòng at a Unix-ms instant. */
export function localDateOf(ms: number): string {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant (Unix ms) of Hải Phòng's midnight starting a calendar date. */
export function startOfLocalDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - LOCAL_OFFSET_MS;
}
