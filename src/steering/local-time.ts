// Hải Phòng keeps Indochina Time (UTC+7, no daylight saving): "today", deadlines and periods are local
// calendar dates, and spreadsheets (which have no time zones) show instants as local wall time.
const LOCAL_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date 'YYYY-MM-DD' in Hải Phòng at a Unix-ms instant. */
export function calendarDateOf(ms: number): string {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant (Unix ms) of Hải Phòng's midnight starting a calendar date. */
export function startOfLocalDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - LOCAL_OFFSET_MS;
}

/** An instant (Unix ms) as a zone-less date whose UTC fields are Hải Phòng's wall time. */
export function localWallTime(ms: number): Date {
  return new Date(ms + LOCAL_OFFSET_MS);
}
