import { CangError } from '../core/index.js';
import { recordAudit, type Store } from '../store/index.js';
import type { Actor } from './actor.js';
import type { LoginResult, User } from './identity-types.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hash.js';
import { newSessionToken, tokenDigest } from './secrets.js';
import { normaliseUsername, toUsers } from './user-rows.js';

/** How long a console session lasts from login. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The session commands of identity: check a password, log in, find a session, log out. */
export interface SessionCommands {
  /** The user whose password this is, or undefined; unknown users cost as much time as wrong passwords. */
  verifyPassword(username: string, password: string): Promise<User | undefined>;
  /**
   * Starts a session; throws `unauthenticated` on a wrong password, unknown or disabled user (and audits
   * the failure), and `login-throttled` without checking the password while the username or the address
   * must wait after earlier failures.
   */
  login(username: string, password: string, remoteAddress?: string | null): Promise<LoginResult>;
  /** The actor of a live session token, or undefined when it is unknown, expired or its user disabled. */
  sessionActor(token: string, remoteAddress?: string | null): Promise<Actor | undefined>;
  /** Ends a session; a token that names no session is ignored. */
  logout(token: string, remoteAddress?: string | null): Promise<void>;
}

/** Builds the session commands over a store. */
export function createSessionCommands(
  store: Store,
  now: () => number,
  passwords: PasswordHasher,
  throttle: LoginThrottle,
): SessionCommands {
  const { db } = store;

  async function verifyPassword(username: string, password: string): Promise<User | undefined> {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', normaliseUsername(username))
      .executeTakeFirst();
    if (row === undefined) {
      await passwords.spendOnUnknownUser(password);
      return undefined;
    }
    const matches = await passwords.verify(password, row.password_hash);
    // A disabled user is refused exactly like a wrong password, after the same work.
    if (!matches || row.disabled === 1) return undefined;
    return (await toUsers(db, [row]))[0];
  }

  return {
    verifyPassword,

    async login(username, password, remoteAddress = null) {
      const name = normaliseUsername(username);
      const attempt = await throttle.begin(name, remoteAddress, now());
      const user = await verifyPassword(name, password);
      if (user === undefined) {
        // Who tried and from where; never the password. The same for unknown, disabled and wrong.
        await recordAudit(
          db,
          { id: 'anonymous', remoteAddress },
          { action: 'session.refuse', resource: `user/${name}`, details: { reason: 'wrong-credentials' } },
          now(),
        );
        throw new CangError('unauthenticated', 'Wrong username or password');
      }
      await attempt.succeeded();
      const token = newSessionToken();
      const at = now();
      const expiresAt = at + SESSION_TTL_MS;
      await db.transaction().execute(async (trx) => {
        // Expired sessions are swept at login, so the table stays as small as the active user base.
        await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
        await trx
          .insertInto('sessions')
          .values({ id_hash: tokenDigest(token), user_id: user.id, created_at: at, expires_at: expiresAt })
          .execute();
        await recordAudit(
          trx,
          { id: user.id, remoteAddress },
          { action: 'session.create', resource: `user/${user.username}`, details: { expiresAt } },
          at,
        );
      });
      return { token, expiresAt, user };
    },

    async sessionActor(token, remoteAddress = null) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.id_hash', '=', tokenDigest(token))
        .where('sessions.expires_at', '>', now())
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const [user] = await toUsers(db, [row]);
      return {
        userId: user!.id,
        username: user!.username,
        roles: user!.roles,
        via: 'session',
        mustChangePassword: user!.mustChangePassword,
        remoteAddress,
      };
    },

    async logout(token, remoteAddress = null) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const session = await trx
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select(['users.id', 'users.username'])
          .where('sessions.id_hash', '=', tokenDigest(token))
          .executeTakeFirst();
        if (session === undefined) return;
        await trx.deleteFrom('sessions').where('id_hash', '=', tokenDigest(token)).execute();
        await recordAudit(
          trx,
          { id: session.id, remoteAddress },
          { action: 'session.delete', resource: `user/${session.username}` },
          at,
        );
      });
    },
  };
}
