import { CangError, organisationOf } from '../core/index.js';
import type { Registry } from '../registry/index.js';
import type { AuditActor } from '../store/index.js';
import { SAMPLE_CLIENTS, SAMPLE_GRANTS } from './sample-clients.js';
import { SAMPLE_SERVICES, sampleOpenApi } from './sample-services.js';
import type { SampleToken } from './sample-tokens-file.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SAMPLE = { sample: true } as const;

/** The system id of a service id (`{system}/{service}`) and the service's code. */
function splitServiceId(id: string): { system: string; code: string } {
  const at = id.lastIndexOf('/');
  return { system: id.slice(0, at), code: id.slice(at + 1) };
}

/** Whether the sample exchange is in the registry already (an earlier start created it). */
export async function sampleExchangeExists(registry: Registry): Promise<boolean> {
  try {
    await registry.systems.get(SAMPLE_CLIENTS[0]!.id);
    return true;
  } catch (error) {
    if (error instanceof CangError && error.code === 'not-found') return false;
    throw error;
  }
}

/**
 * Registers the sample exchange, every part marked as sample: the providers' systems and their services
 * at the sample provider's address, the client systems with one bearer token each, and the grants
 * between them. Returns the tokens, which exist only here and in the tokens file.
 */
export async function seedSampleExchange(
  registry: Registry,
  actor: AuditActor,
  providerUrl: string,
  now: number,
): Promise<SampleToken[]> {
  for (const service of SAMPLE_SERVICES) {
    const { system, code } = splitServiceId(service.id);
    await registry.systems.create(
      actor,
      organisationOf(system)!,
      { code: system.split('/').at(-1)!, name: service.systemName },
      SAMPLE,
    );
    await registry.services.create(
      actor,
      system,
      {
        code,
        name: service.name,
        baseUrl: `${providerUrl}${service.mount}`,
        openapi: JSON.stringify(sampleOpenApi(service)),
        timeoutMs: 5000,
      },
      SAMPLE,
    );
  }
  const tokens: SampleToken[] = [];
  for (const client of SAMPLE_CLIENTS) {
    await registry.systems.create(
      actor,
      organisationOf(client.id)!,
      { code: client.id.split('/').at(-1)!, name: client.name },
      SAMPLE,
    );
    const { token } = await registry.credentials.issueToken(actor, client.id, { label: 'mẫu' }, SAMPLE);
    tokens.push({ system: client.id, name: client.name, token });
  }
  for (const grant of SAMPLE_GRANTS) {
    await registry.grants.create(
      actor,
      {
        client: grant.client,
        service: grant.service,
        methods: [...grant.methods],
        pathPatterns: [...grant.pathPatterns],
        ...(grant.quotaPerMinute === undefined ? {} : { quotaPerMinute: grant.quotaPerMinute }),
        ...(grant.expiredDaysAgo === undefined
          ? {}
          : { expiresAt: new Date(now - grant.expiredDaysAgo * DAY_MS).toISOString() }),
      },
      SAMPLE,
    );
  }
  return tokens;
}

/**
 * Points the sample services at the sample provider's address of this start, when it moved (another
 * CANG_SAMPLE_PROVIDER_PORT, or any free port).
 */
export async function repointSampleServices(
  registry: Registry,
  actor: AuditActor,
  providerUrl: string,
): Promise<void> {
  for (const service of SAMPLE_SERVICES) {
    const baseUrl = `${providerUrl}${service.mount}`;
    try {
      const current = await registry.services.get(service.id);
      if (current.baseUrl !== baseUrl) await registry.services.update(actor, service.id, { baseUrl });
    } catch (error) {
      // An operator removed this sample service: it stays removed.
      if (!(error instanceof CangError && error.code === 'not-found')) throw error;
    }
  }
}
