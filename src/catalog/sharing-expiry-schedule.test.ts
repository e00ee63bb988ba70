import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleSharingExpiry } from './sharing-expiry-schedule.js';

const ACTOR = { id: 'system:platform', remoteAddress: null };
const HOUR = 3_600_000;

describe('scheduleSharingExpiry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends due approvals at once and every hour as the given actor, until stopped', async () => {
    const expireDue = vi.fn(async () => 0);
    const stop = scheduleSharingExpiry({ expireDue }, ACTOR, { error() {} });
    expect(expireDue).toHaveBeenCalledTimes(1);
    expect(expireDue).toHaveBeenCalledWith(ACTOR);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(expireDue).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(expireDue).toHaveBeenCalledTimes(2);
  });

  it('reports a failed run and tries again the next hour', async () => {
    const failure = new Error('the database is gone');
    const expireDue = vi.fn(async () => {
      throw failure;
    });
    const errors: unknown[] = [];
    const stop = scheduleSharingExpiry({ expireDue }, ACTOR, {
      error: (object, message) => errors.push([object, message]),
    });
    await vi.advanceTimersByTimeAsync(HOUR);
    stop();
    expect(expireDue).toHaveBeenCalledTimes(2);
    expect(errors).toEqual([
      [{ err: failure }, 'expiring sharing requests failed'],
      [{ err: failure }, 'expiring sharing requests failed'],
    ]);
  });
});
