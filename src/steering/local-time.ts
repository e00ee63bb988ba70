import { LOCAL_OFFSET_MS, localDateOf, startOfLocalDate } from '../core/index.js';

// Hải Phòng keeps Indochina Time (UTC+7, no daylight saving): "today", deadlines and periods are local
// calendar dates, and spreadsheets (which have no time zones) show instants as local wall time.

/** The calendar date 'YYYY-MM-DD' in Hải Phòng at a Unix-ms instant. */
export const calendarDateOf = localDateOf;

/** The instant (Unix ms) of Hải Phòng's midnight starting a calendar date. */
export const startOfLocalDay = startOfLocalDate;

/** An instant (Unix ms) as a zone-less date whose UTC fields are Hải Phòng's wall time. */
export function localWallTime(ms: number): Date {
  return new Date(ms + LOCAL_OFFSET_MS);
}
