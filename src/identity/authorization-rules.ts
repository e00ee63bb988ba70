import type { Role } from './roles.js';

/**
 * How a scoped role's scope is matched against the resource of a request:
 * - `organisationOf(resource)`: the organisation id `{instance}/{class}/{code}` that the resource
 *   identifier `{instance}/{class}/{code}[/{system}[/{service}]]` starts with;
 * - `unitOf(resource)`: the unit id that a steering resource `{unit}[/…]` starts with.
 */
export type ScopeExpression = 'organisationOf(resource)' | 'unitOf(resource)';

/**
 * Who a rule lets through: `any-user` (every authenticated user), a role (held with any scope),
 * or a role whose scope must match the resource.
 */
export type Grantee = 'any-user' | Role | { readonly role: Role; readonly scope: ScopeExpression };

const ORG_ADMIN_OF_RESOURCE = { role: 'org-admin', scope: 'organisationOf(resource)' } as const;
const ORG_WRITERS = ['platform-admin', ORG_ADMIN_OF_RESOURCE] as const;
const LOG_READERS = ['platform-admin', 'auditor'] as const;

/**
 * The rule table: every action of the admin API and who may take it. `platform-admin` may do
 * everything, yet is listed on each rule so the table reads on its own. An action not in the table
 * does not exist, so nobody may take it.
 */
export const AUTHORIZATION_RULES = {
  // Registry. Reads of organisations, systems and services are the platform's shared catalogue.
  'organisation.read': ['any-user'],
  'organisation.create': ['platform-admin'],
  'organisation.update': ORG_WRITERS,
  'organisation.delete': ['platform-admin'],
  'system.read': ['any-user'],
  'system.create': ORG_WRITERS,
  'system.update': ORG_WRITERS,
  'system.delete': ORG_WRITERS,
  'service.read': ['any-user'],
  'service.create': ORG_WRITERS,
  'service.update': ORG_WRITERS,
  'service.delete': ORG_WRITERS,
  // Where services may point is the platform's: an organisation administrator sets base URLs inside the
  // allow-list that platform administrators keep for the organisation; only they may go outside it.
  'provider-allow-list.read': ['platform-admin', 'auditor', ORG_ADMIN_OF_RESOURCE],
  'provider-allow-list.write': ['platform-admin'],
  'service.base-url-outside-allow-list': ['platform-admin'],
  'credential.read': ORG_WRITERS,
  'credential.create': ORG_WRITERS,
  'credential.revoke': ORG_WRITERS,
  // An external platform's credential is the city's, not one organisation's: only platform administrators set it.
  'external-platform.read': ORG_WRITERS,
  'external-platform.write': ['platform-admin'],
  // A grant's resource is its service: the providing organisation decides who may call it.
  // Reading names the organisation filtered on, as provider or as client.
  'grant.read': ['platform-admin', 'auditor', ORG_ADMIN_OF_RESOURCE],
  'grant.create': ORG_WRITERS,
  'grant.delete': ORG_WRITERS,
  'node.read': ['platform-admin', 'auditor'],
  'node.write': ['platform-admin'],
  // Federation. Trust in a partner and who may call out to it are the platform's; an organisation
  // offers its own services (the resource is the service) and grants foreign systems through grants.
  'federation.read': ['platform-admin', 'auditor', 'org-admin'],
  'federation.trust': ['platform-admin'],
  'federation.outbound': ['platform-admin'],
  'federation.offer': ORG_WRITERS,
  // Identity.
  'user.read': ['platform-admin'],
  'user.create': ['platform-admin'],
  'user.update': ['platform-admin'],
  'own-token.manage': ['any-user'],
  'own-password.change': ['any-user'],
  'audit.read': LOG_READERS,
  // Exchange log and statistics.
  'log.read': LOG_READERS,
  'log.verify': LOG_READERS,
  'stats.read': ['platform-admin', 'auditor', 'leader', 'steering-secretariat', ORG_ADMIN_OF_RESOURCE],
  // Steering workspace.
  'steering.read': ['platform-admin', 'steering-secretariat', 'leader', 'unit-reporter'],
  'steering.write': ['platform-admin', 'steering-secretariat'],
  'steering.report': [
    'platform-admin',
    'steering-secretariat',
    { role: 'unit-reporter', scope: 'unitOf(resource)' },
  ],
  // A unit's reports in every state (drafts, submitted, returned); accepted ones need only steering.read.
  'steering.report.read': [
    'platform-admin',
    'steering-secretariat',
    'leader',
    { role: 'unit-reporter', scope: 'unitOf(resource)' },
  ],
  // Catalog.
  'catalog.read': ['any-user'],
  'catalog.write': ORG_WRITERS,
  'sharing-request.create': ORG_WRITERS,
  'sharing-request.approve': ORG_WRITERS,
  // The data subject's view: who accessed data about a person. Officers who audit the platform.
  'subject-access.read': LOG_READERS,
} as const satisfies Record<string, readonly Grantee[]>;

/** An action of the admin API, e.g. `service.update`. */
export type Action = keyof typeof AUTHORIZATION_RULES;
