import { CangError, type FieldProblem, parseOrganisationId, SEGMENT_PATTERN } from '../core/index.js';

/** The console and admin API roles (ARCHITECTURE.md, "Who may do what"). */
export const ROLES = [
  'platform-admin',
  'org-admin',
  'steering-secretariat',
  'unit-reporter',
  'leader',
  'auditor',
] as const;

/** One role name. */
export type Role = (typeof ROLES)[number];

/** What a role's scope names: an organisation id, a unit id, or nothing. */
export const ROLE_SCOPES: Readonly<Record<Role, 'organisation' | 'unit' | 'none'>> = {
  'platform-admin': 'none',
  'org-admin': 'organisation',
  'steering-secretariat': 'none',
  'unit-reporter': 'unit',
  leader: 'none',
  auditor: 'none',
};

/** A role held by a user, scoped to an organisation (`org-admin`) or a unit (`unit-reporter`). */
export interface RoleAssignment {
  readonly role: Role;
  readonly scope?: string;
}

/** Whether a string names a known role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function scopeProblem(assignment: RoleAssignment): string | undefined {
  const kind = ROLE_SCOPES[assignment.role];
  const scope = assignment.scope ?? '';
  if (kind === 'none') return scope === '' ? undefined : `${assignment.role} takes no scope`;
  if (scope === '') return `${assignment.role} needs a scope`;
  if (kind === 'unit')
    return SEGMENT_PATTERN.test(scope) ? undefined : 'A unit scope is one identifier segment';
  try {
    parseOrganisationId(scope);
    return undefined;
  } catch {
    return 'An org-admin scope is an organisation id {instance}/{class}/{code}';
  }
}

/**
 * Checks role assignments (known role, scope present exactly where the role takes one) and returns them
 * normalised and without duplicates. Throws `validation-failed` naming every bad entry.
 */
export function normaliseRoles(roles: readonly RoleAssignment[], pointer = '/roles'): RoleAssignment[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, RoleAssignment>();
  roles.forEach((assignment, index) => {
    if (!isRole(assignment.role)) {
      problems.push({
        pointer: `${pointer}/${index}/role`,
        detail: `Unknown role; use one of ${ROLES.join(', ')}`,
      });
      return;
    }
    const problem = scopeProblem(assignment);
    if (problem !== undefined) {
      problems.push({ pointer: `${pointer}/${index}/scope`, detail: problem });
      return;
    }
    const scope = assignment.scope ?? '';
    const normal = scope === '' ? { role: assignment.role } : { role: assignment.role, scope };
    seen.set(`${assignment.role} ${scope}`, normal);
  });
  if (problems.length > 0)
    throw new CangError('validation-failed', 'Invalid role assignments', { errors: problems });
  return [...seen.values()];
}
