import type { Kysely } from 'kysely';
import type { AuditActor, Database } from '../store/index.js';
import type { RegistryContext } from './registry-context.js';

/** What `removeSample` deleted, per kind. */
export interface SampleRemoval {
  readonly grants: number;
  readonly credentials: number;
  readonly services: number;
  readonly systems: number;
}

const deleted = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

/** Whether the registry still holds a sample system, service, grant or credential. */
export async function holdsRegistrySample(db: Kysely<Database>): Promise<boolean> {
  const found = await Promise.all([
    db.selectFrom('systems').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('services').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('grants').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('credentials').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}

/**
 * Deletes the registry's sample data in one audited write: the sample grants, credentials, services and
 * systems, with whatever hangs on a sample system or service (a grant or credential an operator added to
 * one cannot outlive it). Organisations stay. A catalog entry that still links a sample service refuses the
 * removal with `conflict`: the catalog's sample goes first.
 */
export async function removeSample(context: RegistryContext, actor: AuditActor): Promise<SampleRemoval> {
  return context.write(actor, async (trx) => {
    const sampleSystems = (db: Kysely<Database>) =>
      db.selectFrom('systems').select('id').where('sample', '=', 1);
    const sampleServices = (db: Kysely<Database>) =>
      db
        .selectFrom('services')
        .select('id')
        .where((eb) => eb.or([eb('sample', '=', 1), eb('system_id', 'in', sampleSystems(db))]));
    const grants = deleted(
      await trx
        .deleteFrom('grants')
        .where((eb) =>
          eb.or([
            eb('sample', '=', 1),
            eb('client_system_id', 'in', sampleSystems(trx)),
            eb('service_id', 'in', sampleServices(trx)),
          ]),
        )
        .executeTakeFirst(),
    );
    const credentials = deleted(
      await trx
        .deleteFrom('credentials')
        .where((eb) => eb.or([eb('sample', '=', 1), eb('system_id', 'in', sampleSystems(trx))]))
        .executeTakeFirst(),
    );
    const services = deleted(
      await trx.deleteFrom('services').where('id', 'in', sampleServices(trx)).executeTakeFirst(),
    );
    const systems = deleted(await trx.deleteFrom('systems').where('sample', '=', 1).executeTakeFirst());
    const removal: SampleRemoval = { grants, credentials, services, systems };
    return { result: removal, audit: { action: 'sample.remove', resource: 'registry', details: removal } };
  });
}
