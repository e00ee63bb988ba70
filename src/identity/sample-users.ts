import type { AuditActor } from '../store/index.js';
import type { Identity } from './create-identity.js';
import type { RoleAssignment } from './roles.js';
import { generateReadablePassword } from './secrets.js';

/** A sample console user: who, and the roles they hold. */
export interface SampleUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly RoleAssignment[];
}

/**
 * Creates the sample users that are missing (by username), marked as sample. Each gets a random password
 * that is neither stored in clear nor shown anywhere, and must change it at its first login: no sample
 * account can be logged into until an administrator sets its password (PATCH /api/v1/users/{id}), as
 * when handing an account to a person. Returns how many were created.
 */
export async function seedSampleUsers(
  identity: Identity,
  users: readonly SampleUser[],
  actor: AuditActor,
): Promise<number> {
  const taken = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await identity.listUsers({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    for (const user of page.items) taken.add(user.username);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  let created = 0;
  for (const user of users) {
    if (taken.has(user.username)) continue;
    await identity.createUser(
      { ...user, password: generateReadablePassword(32), mustChangePassword: true, sample: true },
      actor,
    );
    created += 1;
  }
  return created;
}
