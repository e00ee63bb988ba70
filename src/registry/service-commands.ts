import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, organisationOf, parseServiceId, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, Database, ServiceTable } from '../store/index.js';
import { ListQuery, type Page } from './common-schemas.js';
import { refuseForeign } from './federation/foreign-systems.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from './pagination.js';
import { type AllowListCheck, requireWithinAllowList } from './provider-allow-list-commands.js';
import type { RegistryContext } from './registry-context.js';
import { type SampleOption, sampleColumn, sampleField } from '../store/index.js';
import { checkPlatformOrigin } from './external-platform-commands.js';
import { checkBaseUrl, checkOpenApi } from './service-checks.js';
import { SERVICE_DEFAULTS, ServiceInput, ServicePatch, type ServiceView } from './service-schemas.js';
import { requireSystem } from './system-commands.js';
import { isoTime } from './time-text.js';

/** Commands and queries on the services of an information system. */
export interface ServiceCommands {
  /** Lists a system's services in id order. */
  list(systemId: string, query?: Static<typeof ListQuery>): Promise<Page<ServiceView>>;
  /** One service; `not-found` if absent. */
  get(id: string): Promise<ServiceView>;
  /** The service's OpenAPI document, parsed, or null when none is stored. */
  openapi(id: string): Promise<Record<string, unknown> | null>;
  /** Registers a service `{system}/{code}`. */
  create(
    actor: AuditActor,
    systemId: string,
    input: ServiceInput,
    options?: BaseUrlOptions & SampleOption,
  ): Promise<ServiceView>;
  /** Changes a service. */
  update(actor: AuditActor, id: string, patch: ServicePatch, options?: BaseUrlOptions): Promise<ServiceView>;
  /** Removes a service; refused with `conflict` while grants name it. */
  delete(actor: AuditActor, id: string): Promise<void>;
}

/** How a command treats a new base URL. */
export interface BaseUrlOptions {
  /**
   * The base URL must lie inside the organisation's provider allow-list, else `forbidden` naming
   * `/baseUrl`: set for every caller but a platform administrator. Commands run by the platform itself
   * (the CLI, the sample data) leave it unset.
   */
  readonly withinAllowList?: boolean;
}

/** Presents a service row. */
export function presentService(row: ServiceTable): ServiceView {
  return {
    id: row.id,
    system: row.system_id,
    code: row.code,
    name: row.name,
    baseUrl: row.base_url,
    hasOpenapi: row.openapi !== null,
    enabled: row.enabled === 1,
    timeoutMs: row.timeout_ms,
    maxBodyBytes: row.max_body_bytes,
    logBodies: row.log_bodies === 1,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    ...sampleField(row),
  };
}

/** Reads a service row or throws `not-found`; a malformed id is a `bad-request`. */
export async function requireService(db: Kysely<Database>, id: string): Promise<ServiceTable> {
  parseServiceId(id);
  const row = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No service ${id}`);
  return row;
}

// The audit trail records what changed but not the (possibly large) OpenAPI text.
function auditDetails(input: ServiceInput | ServicePatch): Record<string, unknown> {
  const { openapi, ...rest } = input;
  return openapi === undefined ? rest : { ...rest, openapi: openapi === null ? null : 'replaced' };
}

/** Builds the service commands over a registry context. */
export function serviceCommands(context: RegistryContext, allowList: AllowListCheck): ServiceCommands {
  const { db } = context;
  const checkAllowList = async (
    trx: Kysely<Database>,
    systemId: string,
    baseUrl: string,
    options?: BaseUrlOptions,
  ) => {
    if (options?.withinAllowList === true) {
      await requireWithinAllowList(trx, organisationOf(systemId)!, baseUrl, allowList);
    }
  };
  return {
    async list(systemId, query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      await requireSystem(db, systemId);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('services')
        .selectAll()
        .where('system_id', '=', systemId)
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      return toPage(await select.execute(), limit, presentService);
    },

    async get(id) {
      return presentService(await requireService(db, id));
    },

    async openapi(id) {
      const row = await requireService(db, id);
      return row.openapi === null ? null : (JSON.parse(row.openapi) as Record<string, unknown>);
    },

    async create(actor, systemId, raw, options) {
      let baseUrl: string | undefined;
      const input = parseInput(ServiceInput, raw, 'Invalid service', (value, problems) => {
        baseUrl = checkBaseUrl(value.baseUrl, '/baseUrl', problems);
        checkOpenApi(value.openapi, '/openapi', problems);
      });
      const id = `${systemId}/${input.code}`;
      refuseForeign(
        context.instance,
        systemId,
        'publishes its services, through its federation configuration',
      );
      return context.write(actor, async (trx, now) => {
        await requireSystem(trx, systemId);
        await checkPlatformOrigin(trx, systemId, baseUrl!);
        await checkAllowList(trx, systemId, baseUrl!, options);
        const existing = await trx
          .selectFrom('services')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (existing !== undefined) throw new CangError('conflict', `Service ${id} already exists`);
        const row: ServiceTable = {
          id,
          sample: sampleColumn(options),
          system_id: systemId,
          code: input.code,
          name: input.name,
          base_url: baseUrl!,
          openapi: input.openapi ?? null,
          enabled: (input.enabled ?? SERVICE_DEFAULTS.enabled) ? 1 : 0,
          timeout_ms: input.timeoutMs ?? SERVICE_DEFAULTS.timeoutMs,
          max_body_bytes: input.maxBodyBytes ?? SERVICE_DEFAULTS.maxBodyBytes,
          log_bodies: (input.logBodies ?? SERVICE_DEFAULTS.logBodies) ? 1 : 0,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('services').values(row).execute();
        return {
          result: presentService(row),
          audit: {
            action: 'service.create',
            resource: id,
            details: auditDetails({ ...input, baseUrl: row.base_url }),
          },
        };
      });
    },

    async update(actor, id, raw, options) {
      let baseUrl: string | undefined;
      const patch = parseInput(ServicePatch, raw, 'Invalid service change', (value, problems) => {
        baseUrl = checkBaseUrl(value.baseUrl, '/baseUrl', problems);
        checkOpenApi(value.openapi, '/openapi', problems);
      });
      return context.write(actor, async (trx, now) => {
        const current = await requireService(trx, id);
        if (baseUrl !== undefined) {
          await checkPlatformOrigin(trx, current.system_id, baseUrl);
          // Only a change of base URL is checked: renaming a service keeps where it points.
          if (baseUrl !== current.base_url) await checkAllowList(trx, current.system_id, baseUrl, options);
        }
        const changes: Partial<ServiceTable> = { updated_at: now };
        if (patch.name !== undefined) changes.name = patch.name;
        if (baseUrl !== undefined) changes.base_url = baseUrl;
        if (patch.openapi !== undefined) changes.openapi = patch.openapi;
        if (patch.enabled !== undefined) changes.enabled = patch.enabled ? 1 : 0;
        if (patch.timeoutMs !== undefined) changes.timeout_ms = patch.timeoutMs;
        if (patch.maxBodyBytes !== undefined) changes.max_body_bytes = patch.maxBodyBytes;
        if (patch.logBodies !== undefined) changes.log_bodies = patch.logBodies ? 1 : 0;
        await trx.updateTable('services').set(changes).where('id', '=', id).execute();
        return {
          result: presentService({ ...current, ...changes }),
          audit: { action: 'service.update', resource: id, details: auditDetails(patch) },
        };
      });
    },

    async delete(actor, id) {
      await context.write(actor, async (trx) => {
        await requireService(trx, id);
        const { count } = await trx
          .selectFrom('grants')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('service_id', '=', id)
          .executeTakeFirstOrThrow();
        if (Number(count) > 0) {
          throw new CangError(
            'conflict',
            `Service ${id} is still named by ${count} grant(s); delete them first`,
          );
        }
        await trx.deleteFrom('services').where('id', '=', id).execute();
        return { result: undefined, audit: { action: 'service.delete', resource: id } };
      });
    },
  };
}
