import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, parseSystemId, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, Database, SystemTable } from '../store/index.js';
import { ListQuery, type Page } from './common-schemas.js';
import { refuseForeign } from './federation/foreign-systems.js';
import { requireOrganisation } from './organisation-commands.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from './pagination.js';
import type { RegistryContext } from './registry-context.js';
import { type SampleOption, sampleColumn, sampleField } from '../store/index.js';
import { SystemInput, SystemPatch, type SystemView } from './system-schemas.js';
import { isoTime } from './time-text.js';

/** Commands and queries on the information systems of an organisation. */
export interface SystemCommands {
  /** Lists an organisation's systems in id order. */
  list(organisationId: string, query?: Static<typeof ListQuery>): Promise<Page<SystemView>>;
  /** One system; `not-found` if absent. */
  get(id: string): Promise<SystemView>;
  /** Registers a system `{organisation}/{code}`. */
  create(
    actor: AuditActor,
    organisationId: string,
    input: SystemInput,
    options?: SampleOption,
  ): Promise<SystemView>;
  /** Renames a system. */
  update(actor: AuditActor, id: string, patch: SystemPatch): Promise<SystemView>;
  /** Removes a system and its credentials; refused while it has services or grants as a client. */
  delete(actor: AuditActor, id: string): Promise<void>;
}

/** Presents a system row. */
export function presentSystem(row: SystemTable): SystemView {
  return {
    id: row.id,
    organisation: row.organisation_id,
    code: row.code,
    name: row.name,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    ...sampleField(row),
  };
}

/** Reads a system row or throws `not-found`; a malformed id is a `bad-request`. */
export async function requireSystem(db: Kysely<Database>, id: string): Promise<SystemTable> {
  parseSystemId(id);
  const row = await db.selectFrom('systems').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No information system ${id}`);
  return row;
}

/** How many services a system provides and how many grants it holds as a client. */
async function countDependents(
  db: Kysely<Database>,
  id: string,
): Promise<{ services: number; grants: number }> {
  const services = await db
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('system_id', '=', id)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('grants')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('client_system_id', '=', id)
    .executeTakeFirstOrThrow();
  return { services: Number(services.count), grants: Number(grants.count) };
}

/** Builds the system commands over a registry context. */
export function systemCommands(context: RegistryContext): SystemCommands {
  const { db } = context;
  return {
    async list(organisationId, query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      await requireOrganisation(db, organisationId);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('systems')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      return toPage(await select.execute(), limit, presentSystem);
    },

    async get(id) {
      return presentSystem(await requireSystem(db, id));
    },

    async create(actor, organisationId, raw, options) {
      const input = parseInput(SystemInput, raw, 'Invalid information system');
      const id = `${organisationId}/${input.code}`;
      refuseForeign(
        context.instance,
        organisationId,
        'registers its systems, through its federation configuration',
      );
      return context.write(actor, async (trx, now) => {
        await requireOrganisation(trx, organisationId);
        const existing = await trx.selectFrom('systems').select('id').where('id', '=', id).executeTakeFirst();
        if (existing !== undefined)
          throw new CangError('conflict', `Information system ${id} already exists`);
        const row: SystemTable = {
          id,
          sample: sampleColumn(options),
          organisation_id: organisationId,
          code: input.code,
          name: input.name,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('systems').values(row).execute();
        return {
          result: presentSystem(row),
          audit: { action: 'system.create', resource: id, details: input },
        };
      });
    },

    async update(actor, id, raw) {
      const patch = parseInput(SystemPatch, raw, 'Invalid information system change');
      return context.write(actor, async (trx, now) => {
        const current = await requireSystem(trx, id);
        await trx
          .updateTable('systems')
          .set({ name: patch.name, updated_at: now })
          .where('id', '=', id)
          .execute();
        const row = { ...current, name: patch.name, updated_at: now };
        return {
          result: presentSystem(row),
          audit: { action: 'system.update', resource: id, details: patch },
        };
      });
    },

    async delete(actor, id) {
      await context.write(actor, async (trx) => {
        await requireSystem(trx, id);
        const { services, grants } = await countDependents(trx, id);
        if (services > 0 || grants > 0) {
          throw new CangError(
            'conflict',
            `Information system ${id} still has ${services} service(s) and ${grants} grant(s) as a client; delete them first`,
          );
        }
        // Its credentials and any external-platform binding go with it (foreign key cascade).
        await trx.deleteFrom('systems').where('id', '=', id).execute();
        return { result: undefined, audit: { action: 'system.delete', resource: id } };
      });
    },
  };
}
