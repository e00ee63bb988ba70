import type { Kysely } from 'kysely';
import {
  type AuditActor,
  type AuditedChangeFn,
  type Database,
  type Store,
  writeAudited,
} from '../store/index.js';
import { bumpConfigVersion } from './config-version.js';
import {
  type FederationConfigurations,
  NO_FEDERATION_STATUS,
} from './federation/federation-configurations.js';

/** Shared by every registry command: the store, the instance, the clock and the write pipeline. */
export interface RegistryContext {
  readonly db: Kysely<Database>;
  readonly instance: string;
  readonly now: () => number;
  /** The partners' federation configurations, against which grants to their systems are checked. */
  readonly federationConfigurations: FederationConfigurations;
  /**
   * Runs a change, its audit entry and the configuration version bump in one transaction, then calls
   * `onChange` after the commit. A failure anywhere rolls back all three.
   */
  write<T>(actor: AuditActor, change: AuditedChangeFn<T>): Promise<T>;
}

/** Options of the registry's write pipeline. */
export interface RegistryContextOptions {
  readonly store: Store;
  readonly instance: string;
  readonly now?: () => number;
  readonly onChange?: (version: number) => void;
  readonly federationConfigurations?: FederationConfigurations;
}

/** Builds the context that every registry command runs in. */
export function createRegistryContext(options: RegistryContextOptions): RegistryContext {
  const { store, instance, onChange } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    instance,
    now,
    federationConfigurations: options.federationConfigurations ?? NO_FEDERATION_STATUS,
    async write(actor, change) {
      // The change, its audit entry and the version the exchange polls for commit together.
      const committed = await writeAudited(store.db, actor, now(), async (trx, at) => {
        const { result, audit } = await change(trx, at);
        return { result: { result, version: await bumpConfigVersion(trx) }, audit };
      });
      try {
        onChange?.(committed.version);
      } catch (error) {
        // The change is committed; a failing listener must not make the caller believe otherwise.
        process.emitWarning(`registry onChange listener failed: ${String(error)}`);
      }
      return committed.result;
    },
  };
}
