import type { Kysely, Transaction } from 'kysely';
import { CangError } from '../core/index.js';
import {
  type AuditActor,
  type AuditChange,
  type Database,
  mapDatabaseError,
  recordAudit,
  type Store,
} from '../store/index.js';
import { bumpConfigVersion } from './config-version.js';

/** What a change returns to the write pipeline: its result and the audit entry that describes it. */
export interface ChangeOutcome<T> {
  readonly result: T;
  readonly audit: AuditChange;
}

/** Shared by every registry command: the store, the instance, the clock and the write pipeline. */
export interface RegistryContext {
  readonly db: Kysely<Database>;
  readonly instance: string;
  readonly now: () => number;
  /**
   * Runs a change, its audit entry and the configuration version bump in one transaction, then calls
   * `onChange` after the commit. A failure anywhere rolls back all three.
   */
  write<T>(
    actor: AuditActor,
    change: (trx: Transaction<Database>, now: number) => Promise<ChangeOutcome<T>>,
  ): Promise<T>;
}

/** Options of the registry's write pipeline. */
export interface RegistryContextOptions {
  readonly store: Store;
  readonly instance: string;
  readonly now?: () => number;
  readonly onChange?: (version: number) => void;
}

/** Builds the context that every registry command runs in. */
export function createRegistryContext(options: RegistryContextOptions): RegistryContext {
  const { store, instance, onChange } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    instance,
    now,
    async write(actor, change) {
      if (typeof actor?.id !== 'string' || actor.id.length === 0) {
        throw new CangError('internal', 'A registry change needs an actor');
      }
      const at = now();
      let committed: { result: Awaited<ReturnType<typeof change>>['result']; version: number };
      try {
        committed = await store.db.transaction().execute(async (trx) => {
          // 1. the change itself; 2. its audit entry; 3. the version the exchange polls for.
          const { result, audit } = await change(trx, at);
          await recordAudit(trx, actor, audit, at);
          const version = await bumpConfigVersion(trx);
          return { result, version };
        });
      } catch (error) {
        throw mapDatabaseError(error);
      }
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
