import { describe, expect, it } from 'vitest';
import { calendarDateOf, localWallTime, startOfLocalDay } from './local-time.js';

describe('Hải Phòng local time', () => {
  it('turns the date at 17:00 UTC, local midnight', () => {
    expect(calendarDateOf(Date.parse('2025-06-30T16:59:59.999Z'))).toBe('2025-06-30');
    expect(calendarDateOf(Date.parse('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(startOfLocalDay('2025-07-01')).toBe(Date.parse('2025-06-30T17:00:00Z'));
  });

  it('shows an instant as the local wall clock', () => {
    expect(localWallTime(Date.parse('2025-08-15T03:00:00Z')).toISOString()).toBe('2025-08-15T10:00:00.000Z');
  });
});
