import {
  CangError,
  uuidV7,
  type FieldProblems,
  parseInput,
  parseQuery,
  pathPatternProblem,
} from '../core/index.js';
import type { AuditActor, AuditChange, GrantTable } from '../store/index.js';
import { admitForeignSystem, instanceOf } from './federation/foreign-systems.js';
import type { Page } from './common-schemas.js';
import { GRANT_METHODS, GrantInput, GrantListQuery, type GrantView } from './grant-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from './pagination.js';
import type { RegistryContext } from './registry-context.js';
import { type SampleOption, sampleColumn, sampleField } from '../store/index.js';
import { futureTime, isoTime, isoTimeOrNull } from './time-text.js';

/** Commands and queries on access grants. */
export interface GrantCommands {
  /** Lists grants in id (creation) order, optionally of one client system and/or one service. */
  list(query?: GrantListQuery): Promise<Page<GrantView>>;
  /** One grant; `not-found` if absent. */
  get(id: string): Promise<GrantView>;
  /**
   * Grants a client system access to a service, optionally narrowed. A sample grant may carry an expiry in
   * the past: the sample data tells a city's history, in which a grant ran out last month.
   */
  create(actor: AuditActor, input: GrantInput, options?: SampleOption): Promise<GrantView>;
  /** Revokes a grant by deleting it. */
  delete(actor: AuditActor, id: string): Promise<void>;
}

/** Presents a grant row; `now` decides whether it has expired. */
export function presentGrant(row: GrantTable, now: number): GrantView {
  return {
    id: row.id,
    client: row.client_system_id,
    service: row.service_id,
    methods: row.methods === null ? null : (JSON.parse(row.methods) as string[]),
    pathPatterns: row.path_patterns === null ? null : (JSON.parse(row.path_patterns) as string[]),
    quotaPerMinute: row.quota_per_minute,
    expiresAt: isoTimeOrNull(row.expires_at),
    expired: row.expires_at !== null && row.expires_at <= now,
    createdAt: isoTime(row.created_at),
    ...sampleField(row),
  };
}

function checkMethods(value: unknown, problems: FieldProblems): string[] | null {
  if (!Array.isArray(value)) return null;
  const methods = [...new Set(value.map((method) => String(method).toUpperCase()))];
  const unknown = methods.filter((method) => !(GRANT_METHODS as readonly string[]).includes(method));
  if (unknown.length > 0) {
    problems.add('/methods', `unknown method(s) ${unknown.join(', ')}; use ${GRANT_METHODS.join(' ')}`);
  }
  return methods;
}

function checkPathPatterns(value: unknown, problems: FieldProblems): string[] | null {
  if (!Array.isArray(value)) return null;
  for (const [index, pattern] of value.entries()) {
    const problem = typeof pattern === 'string' ? pathPatternProblem(pattern) : null;
    if (problem !== null) problems.add(`/pathPatterns/${index}`, problem);
  }
  return [...new Set(value as string[])];
}

/** Builds the grant commands over a registry context. */
export function grantCommands(context: RegistryContext): GrantCommands {
  const { db } = context;
  return {
    async list(query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor, client, service } = parseQuery(GrantListQuery, query);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('grants')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      if (client !== undefined) select = select.where('client_system_id', '=', client);
      if (service !== undefined) select = select.where('service_id', '=', service);
      const now = context.now();
      return toPage(await select.execute(), limit, (row) => presentGrant(row, now));
    },

    async get(id) {
      const row = await db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw new CangError('not-found', `No grant ${id}`);
      return presentGrant(row, context.now());
    },

    async create(actor, raw, options) {
      const now = context.now();
      let methods: string[] | null = null;
      let pathPatterns: string[] | null = null;
      let expiresAt: number | null = null;
      const input = parseInput(GrantInput, raw, 'Invalid grant', (value, problems) => {
        methods = checkMethods(value.methods, problems);
        pathPatterns = checkPathPatterns(value.pathPatterns, problems);
        expiresAt = futureTime(
          value.expiresAt,
          '/expiresAt',
          options?.sample === true ? Number.NEGATIVE_INFINITY : now,
          problems,
        );
      });
      return context.write(actor, async (trx, at) => {
        const service = await trx
          .selectFrom('services')
          .select('id')
          .where('id', '=', input.service)
          .executeTakeFirst();
        const problems: { pointer: string; detail: string }[] = [];
        const audit: AuditChange[] = [];
        const partner = instanceOf(input.client);
        if (partner === context.instance) {
          const client = await trx
            .selectFrom('systems')
            .select('id')
            .where('id', '=', input.client)
            .executeTakeFirst();
          if (client === undefined)
            problems.push({ pointer: '/client', detail: `no information system ${input.client}` });
        } else {
          // A partner's system, granted by id: it must be one the partner's configuration shows us.
          const admission = await admitForeignSystem(trx, context.federationConfigurations, input.client, at);
          if (admission.problem !== null) problems.push({ pointer: '/client', detail: admission.problem });
          else audit.push(...admission.audit);
          const offered = await trx
            .selectFrom('federation_offers')
            .select('service_id')
            .where('partner', '=', partner)
            .where('service_id', '=', input.service)
            .executeTakeFirst();
          if (service !== undefined && offered === undefined)
            problems.push({ pointer: '/service', detail: `not offered to ${partner}; offer it first` });
        }
        if (service === undefined)
          problems.push({ pointer: '/service', detail: `no service ${input.service}` });
        if (problems.length > 0)
          throw new CangError('validation-failed', 'Invalid grant', { errors: problems });
        const row: GrantTable = {
          id: uuidV7(at),
          sample: sampleColumn(options),
          client_system_id: input.client,
          service_id: input.service,
          methods: methods === null ? null : JSON.stringify(methods),
          path_patterns: pathPatterns === null ? null : JSON.stringify(pathPatterns),
          quota_per_minute: input.quotaPerMinute ?? null,
          expires_at: expiresAt,
          created_at: at,
        };
        await trx.insertInto('grants').values(row).execute();
        const view = presentGrant(row, at);
        audit.push({ action: 'grant.create', resource: row.id, details: view });
        return { result: view, audit };
      });
    },

    async delete(actor, id) {
      await context.write(actor, async (trx) => {
        const row = await trx.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
        if (row === undefined) throw new CangError('not-found', `No grant ${id}`);
        await trx.deleteFrom('grants').where('id', '=', id).execute();
        return {
          result: undefined,
          audit: { action: 'grant.delete', resource: id, details: presentGrant(row, context.now()) },
        };
      });
    },
  };
}
