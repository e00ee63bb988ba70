import { CangError, uuidV7 } from '../core/index.js';
import { type AuditActor, recordAudit, type Store } from '../store/index.js';
import type { NewUser, Page, PageRequest, User, UserChanges } from './identity-types.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hash.js';
import { normaliseRoles } from './roles.js';
import { tokenDigest } from './secrets.js';
import {
  isUniqueViolation,
  loadUser,
  normaliseUsername,
  passwordProblem,
  throwIfProblems,
  toUsers,
  USERNAME_PATTERN,
  writeRoles,
} from './user-rows.js';

/** Default and largest page sizes of user lists. */
export const USER_PAGE = { default: 50, max: 200 } as const;

/** The user commands of identity: create, read, list, update, change password. */
export interface UserCommands {
  createUser(input: NewUser, actor: AuditActor): Promise<User>;
  getUser(id: string): Promise<User>;
  listUsers(page?: PageRequest): Promise<Page<User>>;
  countUsers(): Promise<number>;
  /** A new password set here is given to the user, who must change it at their next login. */
  updateUser(id: string, changes: UserChanges, actor: AuditActor): Promise<User>;
  /**
   * The user changes their own password: every other session of theirs ends, their API tokens are
   * revoked, and a password they were given no longer needs changing. A wrong current password counts
   * as a failed login.
   */
  changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    actor: AuditActor,
    keepSessionToken?: string,
  ): Promise<void>;
}

/** Builds the user commands over a store. */
export function createUserCommands(
  store: Store,
  now: () => number,
  passwords: PasswordHasher,
  throttle: LoginThrottle,
): UserCommands {
  const { db } = store;

  /** Revokes every live API token of the user: a new password ends what the old one made. */
  async function revokeTokens(trx: typeof db, userId: string, at: number): Promise<number> {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  return {
    async createUser(input, actor) {
      const username = normaliseUsername(input.username);
      const displayName = input.displayName.trim();
      throwIfProblems([
        USERNAME_PATTERN.test(username)
          ? undefined
          : { pointer: '/username', detail: 'Use 2–64 lower-case letters, digits, or . _ @ -' },
        displayName.length === 0 ? { pointer: '/displayName', detail: 'Give a display name' } : undefined,
        passwordProblem(input.password),
      ]);
      const roles = normaliseRoles(input.roles);
      // Hash before the transaction: scrypt is slow on purpose and must not hold the store.
      const passwordHash = await passwords.hash(input.password);
      const at = now();
      const id = uuidV7(at);
      try {
        await db.transaction().execute(async (trx) => {
          const taken = await trx
            .selectFrom('users')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirst();
          if (taken !== undefined) throw new CangError('conflict', 'That username is taken');
          await trx
            .insertInto('users')
            .values({
              id,
              sample: input.sample === true ? 1 : 0,
              username,
              display_name: displayName,
              password_hash: passwordHash,
              disabled: 0,
              must_change_password: input.mustChangePassword === true ? 1 : 0,
              created_at: at,
              updated_at: at,
            })
            .execute();
          await writeRoles(trx, id, roles);
          await recordAudit(
            trx,
            actor,
            {
              action: 'user.create',
              resource: `user/${username}`,
              details: { id, roles, ...(input.sample === true ? { sample: true } : {}) },
            },
            at,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new CangError('conflict', 'That username is taken', { cause: error });
        throw error;
      }
      return loadUser(db, id);
    },

    getUser: (id) => loadUser(db, id),

    async listUsers(page = {}) {
      const limit = Math.min(Math.max(page.limit ?? USER_PAGE.default, 1), USER_PAGE.max);
      // Ordered by username (unique, never renamed): stable under ties in time, and how people look for users.
      let query = db
        .selectFrom('users')
        .selectAll()
        .orderBy('username')
        .limit(limit + 1);
      if (page.cursor !== undefined) query = query.where('username', '>', page.cursor);
      const rows = await query.execute();
      const items = await toUsers(db, rows.slice(0, limit));
      return { items, nextCursor: rows.length > limit ? items.at(-1)!.username : null };
    },

    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async updateUser(id, changes, actor) {
      const displayName = changes.displayName?.trim();
      throwIfProblems([
        displayName === '' ? { pointer: '/displayName', detail: 'Give a display name' } : undefined,
        changes.password === undefined ? undefined : passwordProblem(changes.password),
      ]);
      const roles = changes.roles === undefined ? undefined : normaliseRoles(changes.roles);
      const passwordHash =
        changes.password === undefined ? undefined : await passwords.hash(changes.password);
      const at = now();
      await db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, id);
        await trx
          .updateTable('users')
          .set({
            updated_at: at,
            ...(displayName === undefined ? {} : { display_name: displayName }),
            ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash, must_change_password: 1 }),
          })
          .where('id', '=', id)
          .execute();
        if (roles !== undefined) await writeRoles(trx, id, roles);
        if (changes.disabled === true || passwordHash !== undefined) {
          await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        }
        const revokedTokens = passwordHash === undefined ? 0 : await revokeTokens(trx, id, at);
        const details = {
          ...(displayName === undefined ? {} : { displayName }),
          ...(roles === undefined ? {} : { roles }),
          ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
          ...(passwordHash === undefined ? {} : { passwordReset: true, revokedTokens }),
        };
        await recordAudit(
          trx,
          actor,
          { action: 'user.update', resource: `user/${user.username}`, details },
          at,
        );
      });
      return loadUser(db, id);
    },

    async changePassword(userId, currentPassword, newPassword, actor, keepSessionToken) {
      throwIfProblems([passwordProblem(newPassword, '/newPassword')]);
      const row = await db
        .selectFrom('users')
        .select(['username', 'password_hash'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (row === undefined) throw new CangError('not-found', 'No such user');
      // A stolen session must not become a way to guess the password: the same throttle as logins.
      const attempt = await throttle.begin(row.username, actor.remoteAddress ?? null, now());
      if (!(await passwords.verify(currentPassword, row.password_hash))) {
        throw new CangError('validation-failed', 'The current password is wrong', {
          errors: [{ pointer: '/currentPassword', detail: 'The current password is wrong' }],
        });
      }
      await attempt.succeeded();
      const passwordHash = await passwords.hash(newPassword);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, must_change_password: 0, updated_at: at })
          .where('id', '=', userId)
          .execute();
        let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
        if (keepSessionToken !== undefined)
          others = others.where('id_hash', '!=', tokenDigest(keepSessionToken));
        await others.execute();
        const revokedTokens = await revokeTokens(trx, userId, at);
        await recordAudit(
          trx,
          actor,
          { action: 'user.change-password', resource: `user/${row.username}`, details: { revokedTokens } },
          at,
        );
      });
    },
  };
}
