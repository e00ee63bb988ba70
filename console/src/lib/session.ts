import { createContext, useContext } from 'react';
import type { Role, User } from '../api/types';

/** The logged-in user, and whether they hold a role (with any scope). */
export interface Session {
  readonly user: User;
  readonly has: (...roles: Role[]) => boolean;
  readonly logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; screens render only inside a logged-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session');
  return session;
}

/** A session object for a user. */
export function sessionOf(user: User, logout: () => void): Session {
  return {
    user,
    logout,
    has: (...roles) => user.roles.some((assignment) => roles.includes(assignment.role)),
  };
}

/** Whether the session may change a resource of an organisation (platform-admin, or its org-admin). */
export function canManage(session: Session, resource: string): boolean {
  return session.user.roles.some(
    (a) =>
      a.role === 'platform-admin' ||
      (a.role === 'org-admin' &&
        a.scope !== undefined &&
        (resource === a.scope || resource.startsWith(`${a.scope}/`))),
  );
}
