// Hải Phòng keeps Indochina Time (UTC+7, no daylight saving): "today", deadlines and working days are local
// calendar dates. Steering keeps its own copy in src/steering/local-time.ts: the console's period test
// imports steering's period code, and the console may not pull in core's Node-only modules.
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
