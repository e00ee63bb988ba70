import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import type { Actor } from './actor.js';
import { type Action, AUTHORIZATION_RULES } from './authorization-rules.js';
import { authorize, isAllowed } from './authorize.js';
import type { RoleAssignment } from './roles.js';

const ORG_A = 'VN-HP/GOV/SNV';
const ORG_B = 'VN-HP/GOV/STP';

function actorWith(...roles: RoleAssignment[]): Actor {
  return {
    userId: 'u1',
    username: 'someone',
    roles,
    via: 'session',
    mustChangePassword: false,
    remoteAddress: '127.0.0.1',
  };
}

const admin = actorWith({ role: 'platform-admin' });
const orgAdminA = actorWith({ role: 'org-admin', scope: ORG_A });
const auditor = actorWith({ role: 'auditor' });
const secretariat = actorWith({ role: 'steering-secretariat' });
const reporterU1 = actorWith({ role: 'unit-reporter', scope: 'U1' });
const leader = actorWith({ role: 'leader' });
const nobody = actorWith();

/** For each rule: a caller who must be refused, on which resource, and why. */
const REFUSALS: readonly [Action, Actor, string | undefined, string][] = [
  ['organisation.create', orgAdminA, ORG_A, 'org-admin cannot create organisations'],
  ['organisation.update', orgAdminA, ORG_B, 'org-admin of A cannot update org B'],
  ['organisation.delete', orgAdminA, ORG_A, 'org-admin cannot delete even its own organisation'],
  ['system.create', orgAdminA, `${ORG_B}/HRM`, 'org-admin of A cannot add a system to B'],
  ['system.update', orgAdminA, `${ORG_B}/HRM`, 'org-admin of A cannot update a system of B'],
  ['system.delete', auditor, `${ORG_A}/HRM`, 'auditor cannot delete systems'],
  ['service.create', leader, `${ORG_A}/HRM/staff`, 'leader cannot create services'],
  ['service.update', orgAdminA, `${ORG_B}/HRM/staff`, 'org-admin of A cannot update a service of B'],
  ['service.delete', orgAdminA, `${ORG_B}/HRM/staff`, 'org-admin of A cannot delete a service of B'],
  ['provider-allow-list.read', orgAdminA, ORG_B, "org-admin of A cannot read B's provider allow-list"],
  ['provider-allow-list.write', orgAdminA, ORG_A, 'org-admin cannot widen its own provider allow-list'],
  [
    'service.base-url-outside-allow-list',
    orgAdminA,
    `${ORG_A}/HRM/staff`,
    'org-admin cannot point its own service outside its allow-list',
  ],
  ['credential.read', orgAdminA, `${ORG_B}/HRM`, 'org-admin of A cannot see credentials of B'],
  ['credential.create', orgAdminA, `${ORG_B}/HRM`, 'org-admin of A cannot issue credentials for B'],
  ['credential.revoke', orgAdminA, `${ORG_B}/HRM`, 'org-admin of A cannot revoke credentials of B'],
  [
    'external-platform.read',
    orgAdminA,
    `${ORG_B}/API`,
    'org-admin of A cannot see the platform binding of B',
  ],
  [
    'external-platform.write',
    orgAdminA,
    `${ORG_A}/API`,
    "org-admin cannot set a platform's credential, even for its own system",
  ],
  ['grant.read', orgAdminA, undefined, 'org-admin must name its organisation to read grants'],
  ['grant.create', orgAdminA, `${ORG_B}/HRM/staff`, 'org-admin of A cannot grant access to a service of B'],
  ['grant.delete', orgAdminA, `${ORG_B}/HRM/staff`, 'org-admin of A cannot remove a grant on a service of B'],
  ['node.read', orgAdminA, undefined, 'org-admin cannot read nodes'],
  ['node.write', auditor, undefined, 'auditor cannot change nodes'],
  ['federation.read', leader, undefined, 'leader cannot read the federation partners'],
  ['federation.trust', orgAdminA, undefined, 'org-admin cannot trust or remove a partner'],
  ['federation.outbound', orgAdminA, undefined, 'org-admin cannot open calls out to a partner'],
  ['federation.offer', orgAdminA, `${ORG_B}/HRM/staff`, 'org-admin of A cannot offer a service of B'],
  ['user.read', orgAdminA, undefined, 'org-admin cannot list users'],
  ['user.create', auditor, undefined, 'auditor cannot create users'],
  ['user.update', secretariat, undefined, 'secretariat cannot change users'],
  ['audit.read', orgAdminA, undefined, 'org-admin cannot read the audit trail'],
  ['log.read', leader, undefined, 'leader cannot read the transaction log'],
  ['log.verify', orgAdminA, undefined, 'org-admin cannot verify the log'],
  ['stats.read', orgAdminA, ORG_B, 'org-admin of A cannot read statistics of B'],
  ['steering.read', orgAdminA, undefined, 'org-admin does not read the steering workspace'],
  ['steering.write', reporterU1, 'U1', 'unit reporter cannot change the program'],
  ['steering.report', reporterU1, 'U2/report-1', 'unit reporter of U1 cannot report for U2'],
  [
    'steering.report.read',
    reporterU1,
    'U2/reports/2025-Q2',
    "unit reporter of U1 cannot read U2's reports before they are accepted",
  ],
  ['catalog.write', orgAdminA, `${ORG_B}/dataset`, 'org-admin of A cannot change the catalog of B'],
  ['sharing-request.create', nobody, ORG_A, 'a user without roles cannot request data'],
  [
    'sharing-request.approve',
    orgAdminA,
    `${ORG_B}/HRM/staff`,
    'org-admin of A cannot approve requests for B',
  ],
  ['subject-access.read', orgAdminA, ORG_A, 'org-admin cannot look up a data subject'],
  ['subject-access.read', leader, undefined, 'leader cannot look up a data subject'],
  ['organisation.update', orgAdminA, 'VN-HP/GOV', 'a malformed resource never matches a scope'],
];

describe('authorize', () => {
  it('covers every rule of the table with a refusal', () => {
    const tested = new Set(REFUSALS.map(([action]) => action));
    const open = Object.entries(AUTHORIZATION_RULES)
      .filter(([, rule]) => !(rule as readonly unknown[]).includes('any-user'))
      .map(([action]) => action);
    expect(open.filter((action) => !tested.has(action as Action))).toEqual([]);
  });

  for (const [action, actor, resource, why] of REFUSALS) {
    it(`refuses with 403 forbidden: ${why} (${action})`, () => {
      let thrown: unknown;
      try {
        authorize(actor, action, resource);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CangError);
      expect((thrown as CangError).code).toBe('forbidden');
      expect((thrown as CangError).message).not.toContain(ORG_B);
    });
  }

  it('lets org-admin act on its own organisation, systems and services', () => {
    expect(isAllowed(orgAdminA, 'organisation.update', ORG_A)).toBe(true);
    expect(isAllowed(orgAdminA, 'service.update', `${ORG_A}/HRM/staff`)).toBe(true);
    expect(isAllowed(orgAdminA, 'grant.create', `${ORG_A}/HRM/staff`)).toBe(true);
    expect(isAllowed(orgAdminA, 'credential.create', `${ORG_A}/HRM`)).toBe(true);
  });

  it('lets platform-admin do everything and every user read the catalogue', () => {
    for (const action of Object.keys(AUTHORIZATION_RULES) as Action[]) {
      expect(isAllowed(admin, action, `${ORG_B}/HRM`)).toBe(true);
    }
    expect(isAllowed(nobody, 'organisation.read')).toBe(true);
    expect(isAllowed(nobody, 'own-token.manage')).toBe(true);
  });

  it('lets the auditor read logs and the unit reporter report for its own unit', () => {
    expect(isAllowed(auditor, 'log.read')).toBe(true);
    expect(isAllowed(auditor, 'audit.read')).toBe(true);
    expect(isAllowed(reporterU1, 'steering.report', 'U1/report-1')).toBe(true);
  });
});
