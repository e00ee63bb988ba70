import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Capability } from './api/types';
import type { Session } from './lib/session';

/**
 * A screen of the console: its path prefix, its navigation label key, the capability (an action of
 * the server's rule table) it needs to be shown, and its lazy code.
 */
export interface Screen {
  readonly path: string;
  readonly label: string;
  readonly capability?: Capability['action'];
  readonly component: LazyExoticComponent<ComponentType<{ rest: string }>>;
}

/** Every screen, in navigation order; each is its own chunk (React.lazy). */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: 'nav.home', component: lazy(() => import('./screens/home')) },
  {
    path: '/organisations',
    label: 'nav.organisations',
    capability: 'organisation.read',
    component: lazy(() => import('./screens/organisations')),
  },
  {
    path: '/systems',
    label: 'nav.systems',
    capability: 'system.read',
    component: lazy(() => import('./screens/systems')),
  },
  {
    path: '/services',
    label: 'nav.services',
    capability: 'service.read',
    component: lazy(() => import('./screens/services')),
  },
  {
    path: '/grants',
    label: 'nav.grants',
    capability: 'grant.read',
    component: lazy(() => import('./screens/grants')),
  },
  {
    path: '/federation',
    label: 'nav.federation',
    capability: 'federation.read',
    component: lazy(() => import('./screens/federation')),
  },
  {
    path: '/traffic',
    label: 'nav.traffic',
    capability: 'stats.read',
    component: lazy(() => import('./screens/traffic')),
  },
  {
    path: '/log',
    label: 'nav.log',
    capability: 'log.read',
    component: lazy(() => import('./screens/log')),
  },
  {
    path: '/steering',
    label: 'nav.steering',
    capability: 'steering.read',
    component: lazy(() => import('./screens/steering/workspace')),
  },
  {
    path: '/steering-report',
    label: 'nav.steeringReport',
    capability: 'steering.report',
    component: lazy(() => import('./screens/steering/report-form')),
  },
  {
    path: '/catalog',
    label: 'nav.catalog',
    capability: 'catalog.read',
    component: lazy(() => import('./screens/catalog/catalog-workspace')),
  },
  {
    path: '/sharing-requests',
    label: 'nav.sharingRequests',
    capability: 'sharing-request.create',
    component: lazy(() => import('./screens/catalog/sharing-workspace')),
  },
  {
    path: '/subject-access',
    label: 'nav.subjectAccess',
    capability: 'subject-access.read',
    component: lazy(() => import('./screens/catalog/subject-access')),
  },
  {
    path: '/users',
    label: 'nav.users',
    capability: 'user.read',
    component: lazy(() => import('./screens/users')),
  },
  {
    path: '/audit',
    label: 'nav.audit',
    capability: 'audit.read',
    component: lazy(() => import('./screens/audit')),
  },
];

/** Whether the session may open the screen: it needs no capability, or the session holds it somewhere. */
export function mayOpen(session: Session, screen: Screen): boolean {
  return screen.capability === undefined || session.may(screen.capability);
}

/** The screen of a path and the rest of the path after its prefix (an identifier, for detail pages). */
export function screenOf(path: string): { screen: Screen; rest: string } | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return { screen: SCREENS[0]!, rest: '' };
  for (const screen of SCREENS.slice(1)) {
    if (clean === screen.path) return { screen, rest: '' };
    if (clean.startsWith(`${screen.path}/`)) return { screen, rest: clean.slice(screen.path.length + 1) };
  }
  return undefined;
}
