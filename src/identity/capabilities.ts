import { type Action, AUTHORIZATION_RULES, type Grantee } from './authorization-rules.js';
import type { RoleAssignment } from './roles.js';

/**
 * An action a user may take, by the rule table: on every resource (`scopes: null`), or only on the
 * resources within one of `scopes` (an organisation id or a unit id: the scope itself or an id below it).
 */
export interface Capability {
  readonly action: Action;
  readonly scopes: readonly string[] | null;
}

function scopesGranted(
  grantee: Grantee,
  roles: readonly RoleAssignment[],
): readonly string[] | null | undefined {
  if (grantee === 'any-user') return null;
  if (typeof grantee === 'string') return roles.some((held) => held.role === grantee) ? null : undefined;
  const scopes = roles.flatMap((held) =>
    held.role === grantee.role && held.scope !== undefined ? [held.scope] : [],
  );
  return scopes.length > 0 ? scopes : undefined;
}

/**
 * What a user holding the roles may do, computed from the one rule table (`AUTHORIZATION_RULES`), so
 * the console shows what `authorize` will let through and nothing it refuses. Actions the user may
 * not take anywhere are left out.
 */
export function capabilitiesOf(roles: readonly RoleAssignment[]): Capability[] {
  // platform-admin may do everything (as in isAllowed).
  const platform = roles.some((held) => held.role === 'platform-admin');
  const capabilities: Capability[] = [];
  for (const [action, rule] of Object.entries(AUTHORIZATION_RULES) as [Action, readonly Grantee[]][]) {
    if (platform) {
      capabilities.push({ action, scopes: null });
      continue;
    }
    const granted = rule.map((grantee) => scopesGranted(grantee, roles)).filter((s) => s !== undefined);
    if (granted.length === 0) continue;
    const everywhere = granted.some((scopes) => scopes === null);
    capabilities.push({ action, scopes: everywhere ? null : [...new Set(granted.flatMap((s) => s ?? []))] });
  }
  return capabilities;
}
