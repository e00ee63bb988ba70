import type { FieldProblems } from '../core/index.js';

/** Formats Unix milliseconds as RFC 3339 UTC. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Formats optional Unix milliseconds as RFC 3339 UTC, or null. */
export function isoTimeOrNull(ms: number | null): string | null {
  return ms === null ? null : isoTime(ms);
}

/**
 * Checks an optional RFC 3339 input time that must lie in the future and returns it as Unix ms
 * (null when absent). Adds a problem for the field instead of throwing.
 */
export function futureTime(
  value: unknown,
  pointer: string,
  now: number,
  problems: FieldProblems,
): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    problems.add(pointer, 'must be an RFC 3339 date-time');
    return null;
  }
  if (ms <= now) problems.add(pointer, 'must be in the future');
  return ms;
}
