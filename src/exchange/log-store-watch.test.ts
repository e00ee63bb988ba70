import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/support/wait-until.js';
import { createLogStoreWatch } from './log-store-watch.js';

describe('log store watch', () => {
  it('is available until a commit fails, then until the store answers its retry', async () => {
    let answers = false;
    let asked = 0;
    const watch = createLogStoreWatch({
      answers: async () => {
        asked++;
        return answers;
      },
      retryMs: 5,
    });
    expect(watch.available()).toBe(true);
    watch.commitFailed();
    expect(watch.available()).toBe(false);
    await waitUntil(() => asked >= 2, 'the store was asked again');
    expect(watch.available()).toBe(false);
    answers = true;
    await waitUntil(() => watch.available(), 'the store is back');
    watch.close();
  });

  it('turns away on an unanswered probe and back on an answered one, a throwing check counting as unanswered', async () => {
    let check: () => Promise<boolean> = async () => {
      throw new Error('connection refused');
    };
    const watch = createLogStoreWatch({ answers: () => check(), retryMs: 60_000 });
    expect(await watch.probe()).toBe(false);
    expect(watch.available()).toBe(false);
    check = async () => true;
    expect(await watch.probe()).toBe(true);
    expect(watch.available()).toBe(true);
    watch.close();
  });
});
