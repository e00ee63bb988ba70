import type { OrganisationScope } from '../../../catalog/index.js';
import type { Action, Actor } from '../../../identity/index.js';
import { isAllowed } from '../../../identity/index.js';

/**
 * The organisations an actor may act for under a scoped catalog rule: every one for a platform
 * administrator, else those the actor administers and the rule admits.
 */
export function organisationScope(actor: Actor, action: Action): OrganisationScope {
  if (actor.roles.some((held) => held.role === 'platform-admin')) return 'all';
  return actor.roles
    .filter((held) => held.role === 'org-admin' && held.scope !== undefined)
    .map((held) => held.scope!)
    .filter((organisation) => isAllowed(actor, action, organisation));
}
