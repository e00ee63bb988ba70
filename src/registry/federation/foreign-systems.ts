import type { Kysely } from 'kysely';
import { CangError, parseSystemId } from '../../core/index.js';
import type { AuditChange, Database } from '../../store/index.js';
import type { FederationConfigurations } from './federation-configurations.js';

/*
 * A partner's organisations and systems live in the ordinary tables, with `instance` = the partner, only
 * so that a grant can name them. They come from nowhere but the partner's verified federation
 * configuration; they never get a credential (the partner authenticates them) and never provide a
 * service here (their services are the partner's to publish).
 */

/** The instance an organisation, system or service identifier belongs to. */
export function instanceOf(id: string): string {
  return id.split('/', 1)[0] ?? '';
}

/** Refuses, with `conflict`, a change that only a local organisation's resources may take. */
export function refuseForeign(ourInstance: string, id: string, change: string): void {
  const instance = instanceOf(id);
  if (instance !== ourInstance) {
    throw new CangError('conflict', `${id} belongs to partner instance ${instance}, which alone ${change}`);
  }
}

/** The outcome of admitting a foreign system: why it may not be granted, or the audit of rows made for it. */
export type ForeignSystemAdmission =
  | { readonly problem: string }
  | { readonly problem: null; readonly audit: readonly AuditChange[] };

/**
 * Makes sure a partner's system exists here so that a grant can name it, creating its organisation and
 * itself from the partner's current federation configuration. The system must belong to a trusted
 * partner whose configuration, held and valid, lists it; otherwise the problem says why.
 */
export async function admitForeignSystem(
  trx: Kysely<Database>,
  configurations: FederationConfigurations,
  systemId: string,
  now: number,
): Promise<ForeignSystemAdmission> {
  const { instance, memberClass, code, system } = parseSystemId(systemId);
  const partner = await trx
    .selectFrom('federation_partners')
    .select('instance')
    .where('instance', '=', instance)
    .executeTakeFirst();
  if (partner === undefined) return { problem: `${instance} is not a trusted partner instance` };
  const configuration = configurations.current(instance);
  if (configuration === undefined) {
    return {
      problem: `no valid federation configuration of ${instance} is held yet; try again once it is fetched`,
    };
  }
  const listed = configuration.systems.find((candidate) => candidate.id === systemId);
  if (listed === undefined) {
    return { problem: `${instance}'s federation configuration does not list the system ${systemId}` };
  }
  const organisationId = `${instance}/${memberClass}/${code}`;
  const organisationName =
    configuration.organisations.find((candidate) => candidate.id === organisationId)?.name ?? organisationId;
  const audit: AuditChange[] = [];
  const organisation = await trx
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (organisation === undefined) {
    await trx
      .insertInto('organisations')
      .values({
        id: organisationId,
        instance,
        member_class: memberClass,
        code,
        name: organisationName,
        agency_code: null,
        admin_code: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    audit.push({ action: 'federation.foreign-organisation.create', resource: organisationId });
  }
  const known = await trx.selectFrom('systems').select('name').where('id', '=', systemId).executeTakeFirst();
  if (known === undefined) {
    await trx
      .insertInto('systems')
      .values({
        id: systemId,
        sample: 0,
        organisation_id: organisationId,
        code: system,
        name: listed.name,
        created_at: now,
        updated_at: now,
      })
      .execute();
    audit.push({ action: 'federation.foreign-system.create', resource: systemId });
  } else if (known.name !== listed.name) {
    await trx
      .updateTable('systems')
      .set({ name: listed.name, updated_at: now })
      .where('id', '=', systemId)
      .execute();
  }
  return { problem: null, audit };
}
