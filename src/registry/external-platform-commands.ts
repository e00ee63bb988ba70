import type { Kysely } from 'kysely';
import { CangError, type FieldProblems, parseInput, sealSecret } from '../core/index.js';
import type { AuditActor, Database, ExternalPlatformTable } from '../store/index.js';
import { ExternalPlatformInput, type ExternalPlatformView } from './external-platform-schemas.js';
import type { RegistryContext } from './registry-context.js';
import { requireSystem } from './system-commands.js';
import { isoTime } from './time-text.js';

/** Commands on the external platform a local system stands for. */
export interface ExternalPlatformCommands {
  /** The platform bound to a system; `not-found` when the system stands for none. */
  get(systemId: string): Promise<ExternalPlatformView>;
  /** Binds a system to an external platform, or replaces the binding and its secret. */
  set(actor: AuditActor, systemId: string, input: ExternalPlatformInput): Promise<ExternalPlatformView>;
  /** Ends the binding; the system's services are then forwarded without the platform's credential. */
  delete(actor: AuditActor, systemId: string): Promise<void>;
}

/** Presents a platform row, without its secret. */
function presentPlatform(row: ExternalPlatformTable): ExternalPlatformView {
  return {
    system: row.system_id,
    kind: row.auth_kind,
    origin: row.origin,
    tokenUrl: row.token_url,
    clientId: row.client_id,
    scope: row.scope,
    header: row.api_key_header,
    secretSet: true,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** The origin of an https URL, or a problem at `pointer`. */
function httpsOrigin(value: unknown, pointer: string, problems: FieldProblems): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.add(pointer, 'must be an absolute https URL');
    return undefined;
  }
  if (url.protocol !== 'https:') problems.add(pointer, 'must use https: the credential travels on it');
  else if (url.username !== '' || url.password !== '') problems.add(pointer, 'must not carry credentials');
  else return url.origin;
  return undefined;
}

/** Headers an API key may not be carried in: Cảng's own, and those HTTP itself gives meaning to. */
const RESERVED_HEADERS =
  /^(x-cang-.*|host|connection|content-length|content-type|transfer-encoding|te|trailer|upgrade|keep-alive|proxy-.*|cookie|traceparent|tracestate)$/i;

/** Checks the fields the chosen kind needs, and that the other kind's fields are absent. */
function checkKind(input: Partial<ExternalPlatformInput>, problems: FieldProblems): void {
  const oauth = input.kind === 'oauth2-client-credentials';
  const needed = oauth ? (['tokenUrl', 'clientId'] as const) : (['header'] as const);
  const foreign = oauth ? (['header'] as const) : (['tokenUrl', 'clientId', 'scope'] as const);
  for (const field of needed)
    if (input[field] === undefined) problems.add(`/${field}`, `is required for ${input.kind}`);
  for (const field of foreign)
    if (input[field] !== undefined) problems.add(`/${field}`, `does not apply to ${input.kind}`);
  if (oauth) httpsOrigin(input.tokenUrl, '/tokenUrl', problems);
  if (typeof input.header === 'string' && RESERVED_HEADERS.test(input.header)) {
    problems.add('/header', 'is a header Cảng or HTTP reserves');
  }
}

/** The system's services that live somewhere other than the platform's origin. */
async function servicesOffOrigin(db: Kysely<Database>, systemId: string, origin: string): Promise<string[]> {
  const services = await db
    .selectFrom('services')
    .select(['id', 'base_url'])
    .where('system_id', '=', systemId)
    .execute();
  return services
    .filter((service) => new URL(service.base_url).origin !== origin)
    .map((service) => service.id);
}

/** Builds the external-platform commands; without a secrets key they refuse to store a secret. */
export function externalPlatformCommands(
  context: RegistryContext,
  secretsKey: Buffer | undefined,
): ExternalPlatformCommands {
  const { db } = context;
  const require = async (trx: Kysely<Database>, systemId: string): Promise<ExternalPlatformTable> => {
    await requireSystem(trx, systemId);
    const row = await trx
      .selectFrom('external_platforms')
      .selectAll()
      .where('system_id', '=', systemId)
      .executeTakeFirst();
    if (row === undefined) throw new CangError('not-found', `${systemId} stands for no external platform`);
    return row;
  };
  return {
    async get(systemId) {
      return presentPlatform(await require(db, systemId));
    },

    async set(actor, systemId, raw) {
      let origin: string | undefined;
      const input = parseInput(ExternalPlatformInput, raw, 'Invalid external platform', (value, problems) => {
        origin = httpsOrigin(value.origin, '/origin', problems);
        if (value.kind !== undefined) checkKind(value, problems);
      });
      if (secretsKey === undefined) {
        throw new CangError('internal', 'No secrets key is configured (CANG_SECRETS_KEY)');
      }
      return context.write(actor, async (trx, now) => {
        const system = await requireSystem(trx, systemId);
        if (!system.id.startsWith(`${context.instance}/`)) {
          throw new CangError('conflict', `${systemId} is a system of another instance`);
        }
        const off = await servicesOffOrigin(trx, systemId, origin!);
        if (off.length > 0) {
          throw new CangError(
            'conflict',
            `Services of ${systemId} live outside ${origin}: ${off.join(', ')}`,
          );
        }
        const existing = await trx
          .selectFrom('external_platforms')
          .select('created_at')
          .where('system_id', '=', systemId)
          .executeTakeFirst();
        const row: ExternalPlatformTable = {
          system_id: systemId,
          origin: origin!,
          auth_kind: input.kind,
          token_url: input.tokenUrl ?? null,
          client_id: input.clientId ?? null,
          scope: input.scope ?? null,
          api_key_header: input.header ?? null,
          sealed_secret: sealSecret(secretsKey, input.secret, systemId),
          created_at: existing?.created_at ?? now,
          updated_at: now,
        };
        if (existing === undefined) await trx.insertInto('external_platforms').values(row).execute();
        else await trx.updateTable('external_platforms').set(row).where('system_id', '=', systemId).execute();
        const { secret: _secret, ...shown } = input;
        return {
          result: presentPlatform(row),
          // The secret is neither in the audit trail nor in the answer.
          audit: {
            action: 'external-platform.set',
            resource: systemId,
            details: { ...shown, origin: row.origin },
          },
        };
      });
    },

    async delete(actor, systemId) {
      await context.write(actor, async (trx) => {
        await require(trx, systemId);
        await trx.deleteFrom('external_platforms').where('system_id', '=', systemId).execute();
        return { result: undefined, audit: { action: 'external-platform.delete', resource: systemId } };
      });
    },
  };
}

/**
 * Refuses a service base URL off its system's platform origin: the platform's credential is sent with
 * every call to the system's services, so they must all live on the platform.
 */
export async function checkPlatformOrigin(
  db: Kysely<Database>,
  systemId: string,
  baseUrl: string,
): Promise<void> {
  const platform = await db
    .selectFrom('external_platforms')
    .select('origin')
    .where('system_id', '=', systemId)
    .executeTakeFirst();
  if (platform !== undefined && new URL(baseUrl).origin !== platform.origin) {
    throw new CangError('validation-failed', 'Invalid service', {
      errors: [
        { pointer: '/baseUrl', detail: `must live on the external platform's origin ${platform.origin}` },
      ],
    });
  }
}
