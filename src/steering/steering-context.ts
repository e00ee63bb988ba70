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
import { calendarDateOf } from './calendar-date.js';
import type { MeasureSources } from './indicators/index.js';

/** What a change returns to the write pipeline: its result and the audit entry that describes it. */
export interface ChangeOutcome<T> {
  readonly result: T;
  readonly audit: AuditChange;
}

/** Shared by every steering command (and the indicators half): the store, the clock, the write pipeline. */
export interface SteeringContext {
  readonly db: Kysely<Database>;
  readonly now: () => number;
  readonly measureSources: MeasureSources;
  /** Today's calendar date in Hải Phòng (UTC+7), 'YYYY-MM-DD'. */
  readonly today: () => string;
  /** Runs a change and its audit entry in one transaction; a failure anywhere rolls back both. */
  write<T>(
    actor: AuditActor,
    change: (trx: Transaction<Database>, now: number) => Promise<ChangeOutcome<T>>,
  ): Promise<T>;
}

/** Options of the steering context. */
export interface SteeringContextOptions {
  readonly store: Store;
  readonly now?: () => number;
  /** Measures computed by other parts (the catalog's figures), for measured indicators. */
  readonly measureSources?: MeasureSources;
}

/** Builds the context that every steering command runs in. */
export function createSteeringContext(options: SteeringContextOptions): SteeringContext {
  const { store } = options;
  const now = options.now ?? Date.now;
  return {
    db: store.db,
    now,
    measureSources: options.measureSources ?? {},
    today: () => calendarDateOf(now()),
    async write(actor, change) {
      if (typeof actor?.id !== 'string' || actor.id.length === 0) {
        throw new CangError('internal', 'A steering change needs an actor');
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
