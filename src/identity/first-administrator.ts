import type { Identity } from './create-identity.js';
import { generateReadablePassword } from './secrets.js';

/** The first administrator's username and its generated password, returned once to be printed. */
export interface FirstAdministrator {
  readonly username: string;
  readonly password: string;
}

/**
 * On first start, when there is no user at all, creates `admin` as platform administrator with a
 * generated password and returns it so the CLI can print it once; otherwise returns undefined.
 * There is no default password anywhere, and the printed one must be changed at the first login.
 */
export async function ensureFirstAdministrator(identity: Identity): Promise<FirstAdministrator | undefined> {
  if ((await identity.countUsers()) > 0) return undefined;
  const password = generateReadablePassword(20);
  try {
    await identity.createUser(
      {
        username: 'admin',
        displayName: 'Administrator',
        password,
        roles: [{ role: 'platform-admin' }],
        // The password was printed to a terminal: whoever logs in with it first replaces it.
        mustChangePassword: true,
      },
      { id: 'system:first-start', remoteAddress: null },
    );
  } catch (error) {
    // Another process won the race to create the first user; its password was printed there.
    if ((error as { code?: unknown }).code === 'conflict') return undefined;
    throw error;
  }
  return { username: 'admin', password };
}
