import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Role } from './api/types';

/** A screen of the console: its path prefix, its navigation label key, who sees it, and its lazy code. */
export interface Screen {
  readonly path: string;
  readonly label: string;
  readonly roles?: readonly Role[];
  readonly inNav: boolean;
  readonly component: LazyExoticComponent<ComponentType<{ rest: string }>>;
}

const EXCHANGE_READERS: Role[] = ['platform-admin', 'org-admin', 'auditor'];
const TRAFFIC_READERS: Role[] = ['platform-admin', 'org-admin', 'auditor', 'leader', 'steering-secretariat'];
const LOG_READERS: Role[] = ['platform-admin', 'auditor'];
const STEERING_READERS: Role[] = ['platform-admin', 'steering-secretariat', 'leader', 'unit-reporter'];
const STEERING_REPORTERS: Role[] = ['platform-admin', 'steering-secretariat', 'unit-reporter'];

/** Every screen, in navigation order; each is its own chunk (React.lazy). */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: 'nav.home', inNav: true, component: lazy(() => import('./screens/home')) },
  {
    path: '/organisations',
    label: 'nav.organisations',
    inNav: true,
    component: lazy(() => import('./screens/organisations')),
  },
  { path: '/systems', label: 'nav.systems', inNav: true, component: lazy(() => import('./screens/systems')) },
  {
    path: '/services',
    label: 'nav.services',
    inNav: true,
    component: lazy(() => import('./screens/services')),
  },
  {
    path: '/grants',
    label: 'nav.grants',
    roles: EXCHANGE_READERS,
    inNav: true,
    component: lazy(() => import('./screens/grants')),
  },
  {
    path: '/traffic',
    label: 'nav.traffic',
    roles: TRAFFIC_READERS,
    inNav: true,
    component: lazy(() => import('./screens/traffic')),
  },
  {
    path: '/log',
    label: 'nav.log',
    roles: LOG_READERS,
    inNav: true,
    component: lazy(() => import('./screens/log')),
  },
  {
    path: '/steering',
    label: 'nav.steering',
    roles: STEERING_READERS,
    inNav: true,
    component: lazy(() => import('./screens/steering/workspace')),
  },
  {
    path: '/steering-report',
    label: 'nav.steeringReport',
    roles: STEERING_REPORTERS,
    inNav: true,
    component: lazy(() => import('./screens/steering/report-form')),
  },
  {
    path: '/catalog',
    label: 'nav.catalog',
    inNav: true,
    component: lazy(() => import('./screens/catalog/catalog-workspace')),
  },
  {
    path: '/sharing-requests',
    label: 'nav.sharingRequests',
    roles: ['platform-admin', 'org-admin'],
    inNav: true,
    component: lazy(() => import('./screens/catalog/sharing-workspace')),
  },
  {
    path: '/subject-access',
    label: 'nav.subjectAccess',
    roles: LOG_READERS,
    inNav: true,
    component: lazy(() => import('./screens/catalog/subject-access')),
  },
  {
    path: '/users',
    label: 'nav.users',
    roles: ['platform-admin'],
    inNav: true,
    component: lazy(() => import('./screens/users')),
  },
  {
    path: '/audit',
    label: 'nav.audit',
    roles: LOG_READERS,
    inNav: true,
    component: lazy(() => import('./screens/audit')),
  },
];

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
