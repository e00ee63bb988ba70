import { createContext, useContext } from 'react';
import type { Capability, User } from '../api/types';

/** The logged-in user, and what the server says they may do (their capabilities, from its rule table). */
export interface Session {
  readonly user: User;
  /**
   * Whether the user may take the action: somewhere, when no resource is named; else on that
   * resource (an id within one of the capability's scopes, or anywhere when it has none).
   */
  readonly may: (action: Capability['action'], resource?: string) => boolean;
  /** Whether the user may take the action on every resource, not only within some scopes. */
  readonly mayEverywhere: (action: Capability['action']) => boolean;
  readonly logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; screens render only inside a logged-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a session');
  return session;
}

/** Whether a resource id is a scope or lies below it (`VN-HP/GOV/SNV/HRM` within `VN-HP/GOV/SNV`). */
export function isWithin(resource: string, scope: string): boolean {
  return resource === scope || resource.startsWith(`${scope}/`);
}

/** A session object for a user. */
export function sessionOf(user: User, logout: () => void): Session {
  const scopesOf = (action: Capability['action']) => user.capabilities.find((c) => c.action === action);
  return {
    user,
    logout,
    may: (action, resource) => {
      const capability = scopesOf(action);
      if (capability === undefined) return false;
      if (capability.scopes === null || resource === undefined) return true;
      return capability.scopes.some((scope) => isWithin(resource, scope));
    },
    mayEverywhere: (action) => scopesOf(action)?.scopes === null,
  };
}
