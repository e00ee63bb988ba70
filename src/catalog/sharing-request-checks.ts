import type { Kysely, Transaction } from 'kysely';
import { CangError, organisationOf, uuidV7 } from '../core/index.js';
import { organisationOfSystem } from '../registry/index.js';
import type { AuditActor, CatalogEntryTable, Database, SharingRequestTable } from '../store/index.js';

/** Reads a request row or throws `not-found`. */
export async function requireRequest(db: Kysely<Database>, id: string): Promise<SharingRequestTable> {
  const row = await db.selectFrom('sharing_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No sharing request ${id}`);
  return row;
}

/** Refuses, with `conflict`, a request for an entry that cannot be shared (retired, draft). */
export function requireShareable(entry: Pick<CatalogEntryTable, 'state' | 'title'>): void {
  if (entry.state === 'retired') {
    throw new CangError('conflict', `“${entry.title}” is retired; it can no longer be requested or shared`);
  }
  if (entry.state === 'draft') throw new CangError('conflict', `“${entry.title}” is not published yet`);
}

/**
 * The exchange services a request for an entry would be granted: a data service's own, or those of the
 * live data services linked to a dataset. Refuses with `conflict` when there are none.
 */
export async function servicesToGrant(db: Kysely<Database>, entry: CatalogEntryTable): Promise<string[]> {
  let services: string[];
  if (entry.kind === 'service') {
    services = entry.exchange_service_id === null ? [] : [entry.exchange_service_id];
  } else {
    const rows = await db
      .selectFrom('catalog_links as l')
      .innerJoin('catalog_entries as s', 's.id', 'l.service_entry_id')
      .select('s.exchange_service_id')
      .where('l.dataset_id', '=', entry.id)
      .where('s.state', 'in', ['published', 'deprecated'])
      .execute();
    services = rows.map((r) => r.exchange_service_id).filter((id): id is string => id !== null);
  }
  // A service of another organisation is never granted on this owner's decision.
  services = [...new Set(services)].filter((id) => organisationOf(id) === entry.publisher_id).sort();
  if (services.length === 0) {
    throw new CangError('conflict', `“${entry.title}” has no published data service to grant access to`);
  }
  return services;
}

/** Checks that a client system exists and belongs to the requester; throws `validation-failed`. */
export async function checkClientSystem(
  db: Kysely<Database>,
  requester: string,
  system: string,
): Promise<void> {
  const owner = await organisationOfSystem(db, system);
  const detail =
    owner === undefined
      ? `no information system ${system}`
      : owner !== requester
        ? 'the client system must belong to the requesting organisation'
        : undefined;
  if (detail !== undefined) {
    throw new CangError('validation-failed', 'Invalid sharing request', {
      errors: [{ pointer: '/clientSystem', detail }],
    });
  }
}

/**
 * Moves a request from one of `from` to `to` with one conditional update, so that of two decisions
 * racing only the first one wins; the loser gets `conflict` and nothing changes.
 */
export async function moveRequest(
  trx: Transaction<Database>,
  row: SharingRequestTable,
  from: readonly SharingRequestTable['state'][],
  set: Partial<SharingRequestTable> & { state: SharingRequestTable['state'] },
): Promise<void> {
  if (!from.includes(row.state)) throw stateConflict(row.state, set.state);
  const result = await trx
    .updateTable('sharing_requests')
    .set(set)
    .where('id', '=', row.id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw stateConflict(row.state, set.state);
}

/** The `conflict` for a step the request's state does not allow. */
export function stateConflict(state: string, wanted: string): CangError {
  const decided = ['approved', 'refused', 'revoked', 'expired'].includes(state);
  return new CangError(
    'conflict',
    decided && ['approved', 'refused', 'changes-requested'].includes(wanted)
      ? `The request has already been decided (${state})`
      : `A ${state} request cannot become ${wanted}`,
  );
}

/** Appends a message or step record to a request. */
export async function addMessage(
  trx: Kysely<Database>,
  requestId: string,
  actor: AuditActor,
  kind: string,
  body: string,
  at: number,
): Promise<void> {
  const { last } = await trx
    .selectFrom('sharing_request_messages')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('sharing_request_messages')
    .values({
      id: uuidV7(at),
      request_id: requestId,
      seq: Number(last ?? 0) + 1,
      at,
      author: actor.id,
      kind,
      body,
    })
    .execute();
}
