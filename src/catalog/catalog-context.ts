import type { Kysely, Transaction } from 'kysely';
import { CangError } from '../core/index.js';
import type { Registry } from '../registry/index.js';
import {
  type AuditActor,
  type AuditChange,
  type Database,
  type DialectName,
  mapDatabaseError,
  recordAudit,
  type Store,
} from '../store/index.js';

/** What a change returns to the write pipeline: its result and the audit entry that describes it. */
export interface ChangeOutcome<T> {
  readonly result: T;
  readonly audit: AuditChange;
}

/** Shared by every catalog command: the store, its dialect, the registry, the clock, the write pipeline. */
export interface CatalogContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly registry: Registry;
  readonly now: () => number;
  /**
   * Runs a change and its audit entry in one transaction; a failure anywhere rolls back both. Catalog
   * rows are not part of the exchange's configuration, so no configuration version is bumped here;
   * grants are changed through the registry, which bumps it.
   */
  write<T>(
    actor: AuditActor,
    change: (trx: Transaction<Database>, now: number) => Promise<ChangeOutcome<T>>,
  ): Promise<T>;
}

/** Builds the context every catalog command runs in. */
export function createCatalogContext(options: {
  readonly store: Store;
  readonly registry: Registry;
  readonly now?: () => number;
}): CatalogContext {
  const { store, registry } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    dialect: store.dialect,
    registry,
    now,
    async write(actor, change) {
      if (typeof actor?.id !== 'string' || actor.id.length === 0) {
        throw new CangError('internal', 'A catalog change needs an actor');
      }
      const at = now();
      try {
        return await store.db.transaction().execute(async (trx) => {
          const { result, audit } = await change(trx, at);
          await recordAudit(trx, actor, audit, at);
          return result;
        });
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
  };
}
