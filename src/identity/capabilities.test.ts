import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { type Action, AUTHORIZATION_RULES } from './authorization-rules.js';
import { isAllowed } from './authorize.js';
import { type Capability, capabilitiesOf } from './capabilities.js';
import { ROLES, type RoleAssignment } from './roles.js';

const ORG_A = 'VN-HP/GOV/SNV';
const ORG_B = 'VN-HP/GOV/STP';
const ACTIONS = Object.keys(AUTHORIZATION_RULES) as Action[];

const find = (capabilities: readonly Capability[], action: Action) =>
  capabilities.find((c) => c.action === action);

/** Whether a capability list lets the action through on the resource, as the console reads it. */
function lets(capabilities: readonly Capability[], action: Action, resource: string | undefined): boolean {
  const capability = find(capabilities, action);
  if (capability === undefined) return false;
  if (capability.scopes === null) return true;
  return (
    resource !== undefined &&
    capability.scopes.some((scope) => resource === scope || resource.startsWith(`${scope}/`))
  );
}

describe('capabilitiesOf', () => {
  it('leaves out what a role may not do: a leader reads the steering workspace but never writes it', () => {
    const capabilities = capabilitiesOf([{ role: 'leader' }]);
    expect(find(capabilities, 'steering.read')).toEqual({ action: 'steering.read', scopes: null });
    expect(find(capabilities, 'steering.write')).toBeUndefined();
    expect(find(capabilities, 'steering.report')).toBeUndefined();
    expect(find(capabilities, 'user.read')).toBeUndefined();
    expect(find(capabilities, 'log.read')).toBeUndefined();
  });

  it('gives a user without roles only what every user may do', () => {
    const capabilities = capabilitiesOf([]);
    expect(capabilities.every((c) => c.scopes === null)).toBe(true);
    expect(capabilities.map((c) => c.action).sort()).toEqual(
      ACTIONS.filter((a) => (AUTHORIZATION_RULES[a] as readonly unknown[]).includes('any-user')).sort(),
    );
  });

  it('limits a scoped role to its scopes: an org-admin changes its own organisation only', () => {
    const capabilities = capabilitiesOf([{ role: 'org-admin', scope: ORG_A }]);
    expect(find(capabilities, 'system.update')).toEqual({ action: 'system.update', scopes: [ORG_A] });
    expect(find(capabilities, 'organisation.create')).toBeUndefined();
    expect(find(capabilities, 'user.read')).toBeUndefined();
    const reporter = capabilitiesOf([{ role: 'unit-reporter', scope: 'U1' }]);
    expect(find(reporter, 'steering.report')).toEqual({ action: 'steering.report', scopes: ['U1'] });
    expect(find(reporter, 'steering.write')).toBeUndefined();
  });

  it('gives the platform administrator every action everywhere', () => {
    expect(capabilitiesOf([{ role: 'platform-admin' }])).toEqual(
      ACTIONS.map((action) => ({ action, scopes: null })),
    );
  });

  it('agrees with isAllowed for every role, action and resource', () => {
    const holdings: RoleAssignment[][] = [
      [],
      ...ROLES.map((role) =>
        role === 'org-admin'
          ? [{ role, scope: ORG_A }]
          : role === 'unit-reporter'
            ? [{ role, scope: 'U1' }]
            : [{ role }],
      ),
      [
        { role: 'org-admin', scope: ORG_A },
        { role: 'org-admin', scope: ORG_B },
        { role: 'unit-reporter', scope: 'U2' },
      ],
    ];
    const resources = [
      undefined,
      ORG_A,
      `${ORG_A}/HRM`,
      `${ORG_A}/HRM/staff`,
      ORG_B,
      'U1',
      'U1/2026-Q1',
      'U2',
    ];
    for (const roles of holdings) {
      const actor: Actor = {
        userId: 'u',
        username: 'u',
        roles,
        via: 'session',
        mustChangePassword: false,
        remoteAddress: null,
      };
      const capabilities = capabilitiesOf(roles);
      for (const action of ACTIONS)
        for (const resource of resources)
          expect(lets(capabilities, action, resource), `${JSON.stringify(roles)} ${action} ${resource}`).toBe(
            isAllowed(actor, action, resource),
          );
    }
  });
});
