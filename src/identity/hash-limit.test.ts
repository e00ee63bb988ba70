import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { limitHashes } from './hash-limit.js';
import { PASSWORD_COST } from './password-hash.js';

describe('the password hash limit', () => {
  it('runs at most the cap at once, queues in order up to its bound, and refuses the rest at once', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const limited = limitHashes(
      (password) =>
        new Promise<Buffer>((resolve) => {
          started.push(password);
          finish.set(password, () => resolve(Buffer.from(password)));
        }),
      { concurrent: 2, waiting: 1 },
    );
    const salt = Buffer.alloc(16);
    const [a, b, c] = ['a', 'b', 'c'].map((p) => limited(p, salt, PASSWORD_COST));
    const refused = await limited('d', salt, PASSWORD_COST).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CangError);
    expect(refused).toMatchObject({
      code: 'password-checks-busy',
      status: 503,
      headers: { 'retry-after': '1' },
    });
    expect(started).toEqual(['a', 'b']);
    finish.get('a')!();
    expect((await a)!.toString()).toBe('a');
    await expect.poll(() => started).toEqual(['a', 'b', 'c']);
    finish.get('b')!();
    finish.get('c')!();
    expect([(await b)!.toString(), (await c)!.toString()]).toEqual(['b', 'c']);
  });
});
