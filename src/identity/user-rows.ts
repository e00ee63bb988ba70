import type { Kysely, Selectable } from 'kysely';
import { CangError, type FieldProblem } from '../core/index.js';
import { type Database, sampleField, type UserTable } from '../store/index.js';
import type { User } from './identity-types.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-hash.js';
import type { Role, RoleAssignment } from './roles.js';

/** Usernames are lower case; dots, dashes, underscores and @ allowed after the first character. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** A username as stored: trimmed and lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The problem with a new password, if any. */
export function passwordProblem(password: string, pointer = '/password'): FieldProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { pointer, detail: `Use at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { pointer, detail: `Use at most ${MAX_PASSWORD_LENGTH} characters` };
  }
  return undefined;
}

/** Throws `validation-failed` when any problem was found. */
export function throwIfProblems(problems: readonly (FieldProblem | undefined)[]): void {
  const found = problems.filter((p): p is FieldProblem => p !== undefined);
  if (found.length > 0) throw new CangError('validation-failed', 'Invalid user data', { errors: found });
}

/** Turns user rows into users, with their role assignments read in one query. */
export async function toUsers(db: Kysely<Database>, rows: readonly Selectable<UserTable>[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'scope'])
    .where(
      'user_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('role')
    .orderBy('scope')
    .execute();
  const rolesOf = new Map<string, RoleAssignment[]>();
  for (const row of roleRows) {
    const assignment =
      row.scope === '' ? { role: row.role as Role } : { role: row.role as Role, scope: row.scope };
    rolesOf.set(row.user_id, [...(rolesOf.get(row.user_id) ?? []), assignment]);
  }
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: rolesOf.get(row.id) ?? [],
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...sampleField(row),
  }));
}

/** Reads one user by id; throws `not-found` when there is none. */
export async function loadUser(db: Kysely<Database>, id: string): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', 'No such user');
  return (await toUsers(db, [row]))[0]!;
}

/** Replaces a user's role assignments. */
export async function writeRoles(
  db: Kysely<Database>,
  userId: string,
  roles: readonly RoleAssignment[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((r) => ({ user_id: userId, role: r.role, scope: r.scope ?? '' })))
    .execute();
}

/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, SQLite's UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
