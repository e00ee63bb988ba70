import type { Kysely } from 'kysely';
import { proposedWorkingCalendar, type WorkingCalendarSource } from '../core/index.js';
import type { Registry } from '../registry/index.js';
import {
  type AuditActor,
  type AuditedChangeFn,
  type Database,
  type DialectName,
  type Store,
  writeAudited,
} from '../store/index.js';

/** Shared by every catalog command: the store, its dialect, the registry, the clock, the write pipeline. */
export interface CatalogContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly registry: Registry;
  readonly now: () => number;
  /** The working calendar that decision deadlines are counted in, read afresh for every answer. */
  readonly workingCalendar: WorkingCalendarSource;
  /**
   * Runs a change and its audit entry in one transaction; a failure anywhere rolls back both. Catalog
   * rows are not part of the exchange's configuration, so no configuration version is bumped here;
   * grants are changed through the registry, which bumps it.
   */
  write<T>(actor: AuditActor, change: AuditedChangeFn<T>): Promise<T>;
}

/** Builds the context every catalog command runs in. */
export function createCatalogContext(options: {
  readonly store: Store;
  readonly registry: Registry;
  readonly now?: () => number;
  readonly workingCalendar?: WorkingCalendarSource;
}): CatalogContext {
  const { store, registry } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    dialect: store.dialect,
    registry,
    now,
    workingCalendar: options.workingCalendar ?? proposedWorkingCalendar,
    write: (actor, change) => writeAudited(store.db, actor, now(), change),
  };
}
