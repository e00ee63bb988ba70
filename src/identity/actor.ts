import type { AuditActor } from '../store/index.js';
import type { RoleAssignment } from './roles.js';

/** Who is making a request: an authenticated user, how they proved it, and from where. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly RoleAssignment[];
  readonly via: 'session' | 'token';
  /** The API token used, when `via` is `token`. */
  readonly tokenId?: string;
  /** Until the user changes the password they were given, every other call is refused. */
  readonly mustChangePassword: boolean;
  readonly remoteAddress: string | null;
}

/** The audit-trail actor for a request's actor: the user id and the remote address. */
export function auditActorOf(actor: Actor): AuditActor {
  return { id: actor.userId, remoteAddress: actor.remoteAddress };
}
