import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { ensureOrganisation } from './demo-command.js';

function organisationsFailingWith(error: unknown) {
  const created: string[] = [];
  return {
    created,
    create: async (_actor: unknown, input: { code: string }) => {
      if (error !== undefined) throw error;
      created.push(input.code);
      return undefined as never;
    },
  };
}

describe('the demo’s ensureOrganisation', () => {
  it('creates an organisation that is not there yet', async () => {
    const organisations = organisationsFailingWith(undefined);
    await ensureOrganisation(organisations, 'VN-HP/GOV/STP', 'Sở Tư pháp');
    expect(organisations.created).toEqual(['STP']);
  });

  it('lets an organisation that already exists pass', async () => {
    const conflict = new CangError('conflict', 'Organisation VN-HP/GOV/STP already exists');
    await expect(
      ensureOrganisation(organisationsFailingWith(conflict), 'VN-HP/GOV/STP', 'Sở Tư pháp'),
    ).resolves.toBeUndefined();
  });

  it('reports any other failure instead of swallowing it', async () => {
    const invalid = new CangError('validation-failed', 'Invalid organisation');
    await expect(
      ensureOrganisation(organisationsFailingWith(invalid), 'VN-HP/GOV/STP', ''),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    const down = new Error('the database is gone');
    await expect(
      ensureOrganisation(organisationsFailingWith(down), 'VN-HP/GOV/STP', 'Sở Tư pháp'),
    ).rejects.toBe(down);
  });
});
