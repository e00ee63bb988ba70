import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { mayOpen, SCREENS } from '../routes';
import { sessionOf } from './session';

function userWith(capabilities: User['capabilities']): User {
  return {
    id: 'u',
    username: 'hoa',
    displayName: 'Hoa',
    roles: [],
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    mustChangePassword: false,
    sampleData: false,
    capabilities,
  };
}

const noop = () => undefined;

describe('the console session', () => {
  it('refuses an action the server did not list, and one outside its scopes', () => {
    const session = sessionOf(
      userWith([
        { action: 'steering.read', scopes: null },
        { action: 'system.update', scopes: ['VN-HP/GOV/SNV'] },
      ]),
      noop,
    );
    expect(session.may('steering.write')).toBe(false);
    expect(session.may('system.update', 'VN-HP/GOV/STP/HRM')).toBe(false);
    expect(session.may('system.update', 'VN-HP/GOV/SNVX/HRM')).toBe(false);
    expect(session.mayEverywhere('system.update')).toBe(false);
    expect(session.may('system.update', 'VN-HP/GOV/SNV/HRM')).toBe(true);
    expect(session.may('steering.read', 'anything')).toBe(true);
  });

  it('does not show a screen whose capability the user lacks', () => {
    const session = sessionOf(userWith([{ action: 'steering.read', scopes: null }]), noop);
    const shown = SCREENS.filter((screen) => mayOpen(session, screen)).map((screen) => screen.path);
    expect(shown).toContain('/steering');
    expect(shown).not.toContain('/users');
    expect(shown).not.toContain('/steering-report');
    expect(shown).not.toContain('/log');
  });
});
