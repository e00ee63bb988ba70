import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import {
  CangError,
  FieldProblems,
  type MemberClass,
  parseOrganisationId,
  parseInput,
  parseQuery,
} from '../core/index.js';
import type { AuditActor, Database, OrganisationTable } from '../store/index.js';
import { ListQuery, type Page } from './common-schemas.js';
import { OrganisationInput, OrganisationPatch, type OrganisationView } from './organisation-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from './pagination.js';
import type { RegistryContext } from './registry-context.js';
import { isoTime } from './time-text.js';

/** Commands and queries on organisations (members). */
export interface OrganisationCommands {
  /** Lists organisations in id order, one page at a time. */
  list(query?: Static<typeof ListQuery>): Promise<Page<OrganisationView>>;
  /** One organisation; `not-found` if absent. */
  get(id: string): Promise<OrganisationView>;
  /** Registers an organisation `{instance}/{class}/{code}` of this instance. */
  create(actor: AuditActor, input: OrganisationInput): Promise<OrganisationView>;
  /** Changes name or codes. */
  update(actor: AuditActor, id: string, patch: OrganisationPatch): Promise<OrganisationView>;
  /** Removes an organisation; refused with `conflict` while it still has information systems. */
  delete(actor: AuditActor, id: string): Promise<void>;
}

/** Presents an organisation row. */
export function presentOrganisation(row: OrganisationTable): OrganisationView {
  return {
    id: row.id,
    instance: row.instance,
    memberClass: row.member_class as MemberClass,
    code: row.code,
    name: row.name,
    agencyCode: row.agency_code,
    adminCode: row.admin_code,
    validTo: row.valid_to,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

// The schema checks the shape; this catches a day that does not exist (2025-02-30).
function checkValidTo(validTo: string | null | undefined, message: string): void {
  if (typeof validTo !== 'string') return;
  const day = new Date(`${validTo}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== validTo) {
    const problems = new FieldProblems();
    problems.add('/validTo', 'is not a calendar date');
    problems.throwIfAny(message);
  }
}

/** Reads an organisation row or throws `not-found`; a malformed id is a `bad-request`. */
export async function requireOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationTable> {
  parseOrganisationId(id);
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No organisation ${id}`);
  return row;
}

/** Builds the organisation commands over a registry context. */
export function organisationCommands(context: RegistryContext): OrganisationCommands {
  const { db } = context;
  return {
    async list(query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('organisations')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      return toPage(await select.execute(), limit, presentOrganisation);
    },

    async get(id) {
      return presentOrganisation(await requireOrganisation(db, id));
    },

    async create(actor, raw) {
      const input = parseInput(OrganisationInput, raw, 'Invalid organisation');
      checkValidTo(input.validTo, 'Invalid organisation');
      const id = `${context.instance}/${input.memberClass}/${input.code}`;
      return context.write(actor, async (trx, now) => {
        const existing = await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (existing !== undefined) throw new CangError('conflict', `Organisation ${id} already exists`);
        const row: OrganisationTable = {
          id,
          instance: context.instance,
          member_class: input.memberClass,
          code: input.code,
          name: input.name,
          agency_code: input.agencyCode ?? null,
          admin_code: input.adminCode ?? null,
          valid_to: input.validTo ?? null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('organisations').values(row).execute();
        return {
          result: presentOrganisation(row),
          audit: { action: 'organisation.create', resource: id, details: input },
        };
      });
    },

    async update(actor, id, raw) {
      const patch = parseInput(OrganisationPatch, raw, 'Invalid organisation change');
      checkValidTo(patch.validTo, 'Invalid organisation change');
      return context.write(actor, async (trx, now) => {
        const current = await requireOrganisation(trx, id);
        const row: OrganisationTable = {
          ...current,
          name: patch.name ?? current.name,
          agency_code: patch.agencyCode === undefined ? current.agency_code : patch.agencyCode,
          admin_code: patch.adminCode === undefined ? current.admin_code : patch.adminCode,
          valid_to: patch.validTo === undefined ? current.valid_to : patch.validTo,
          updated_at: now,
        };
        await trx
          .updateTable('organisations')
          .set({
            name: row.name,
            agency_code: row.agency_code,
            admin_code: row.admin_code,
            valid_to: row.valid_to,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        return {
          result: presentOrganisation(row),
          audit: { action: 'organisation.update', resource: id, details: patch },
        };
      });
    },

    async delete(actor, id) {
      await context.write(actor, async (trx) => {
        await requireOrganisation(trx, id);
        const { count } = await trx
          .selectFrom('systems')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('organisation_id', '=', id)
          .executeTakeFirstOrThrow();
        if (Number(count) > 0) {
          throw new CangError(
            'conflict',
            `Organisation ${id} still has ${count} information system(s); delete them first`,
          );
        }
        await trx.deleteFrom('organisations').where('id', '=', id).execute();
        return { result: undefined, audit: { action: 'organisation.delete', resource: id } };
      });
    },
  };
}
