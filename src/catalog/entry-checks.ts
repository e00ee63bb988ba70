import type { Kysely } from 'kysely';
import { CangError, FieldProblems, organisationOf } from '../core/index.js';
import type { CatalogEntryTable, Database } from '../store/index.js';
import type { EntryContent } from './entry-rows.js';

/** Reads an entry row or throws `not-found`. */
export async function requireEntry(db: Kysely<Database>, id: string): Promise<CatalogEntryTable> {
  const row = await db.selectFrom('catalog_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No catalog entry ${id}`);
  return row;
}

/** The name of an organisation, or throws `validation-failed` naming the field. */
export async function requirePublisherName(
  db: Kysely<Database>,
  id: string,
  pointer: string,
): Promise<string> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  if (row === undefined) {
    throw new CangError('validation-failed', 'Invalid catalog entry', {
      errors: [{ pointer, detail: `no organisation ${id}` }],
    });
  }
  return row.name;
}

/**
 * Checks what the schema cannot: a data service names an exchange service of its own publisher that
 * exists in the registry; a dataset names none; linked entries are live data services; the temporal
 * coverage is in order. Names every bad field at once.
 */
export async function checkEntryContent(
  db: Kysely<Database>,
  kind: CatalogEntryTable['kind'],
  publisher: string,
  content: EntryContent,
): Promise<void> {
  const problems = new FieldProblems();
  if (kind === 'service') {
    if (content.exchangeService === null) {
      problems.add('/exchangeService', 'a data service must name its exchange service');
    } else {
      const service = await db
        .selectFrom('services')
        .select('id')
        .where('id', '=', content.exchangeService)
        .executeTakeFirst();
      if (service === undefined) {
        problems.add('/exchangeService', `no exchange service ${content.exchangeService} in the registry`);
      } else if (organisationOf(content.exchangeService) !== publisher) {
        problems.add('/exchangeService', 'the exchange service must belong to the publisher');
      }
    }
    if (content.services.length > 0) problems.add('/services', 'only a dataset links to data services');
  } else {
    if (content.exchangeService !== null) {
      problems.add('/exchangeService', 'a dataset names no exchange service; link a data service instead');
    }
    if (content.services.length > 0) {
      const rows = await db
        .selectFrom('catalog_entries')
        .select(['id', 'kind', 'state'])
        .where('id', 'in', content.services)
        .execute();
      content.services.forEach((id, index) => {
        const row = rows.find((r) => r.id === id);
        if (row === undefined) problems.add(`/services/${index}`, `no catalog entry ${id}`);
        else if (row.kind !== 'service') problems.add(`/services/${index}`, `${id} is not a data service`);
        else if (row.state === 'retired') problems.add(`/services/${index}`, `${id} is retired`);
      });
    }
  }
  if (
    content.temporalStart !== null &&
    content.temporalEnd !== null &&
    content.temporalStart > content.temporalEnd
  ) {
    problems.add('/temporalEnd', 'must not be before temporalStart');
  }
  problems.throwIfAny('Invalid catalog entry');
}

/** Allowed lifecycle steps: draft → published → deprecated → retired (deprecated may be republished). */
export const ENTRY_TRANSITIONS: Readonly<Record<CatalogEntryTable['state'], readonly string[]>> = {
  draft: ['published'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};
