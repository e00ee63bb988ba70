import type { Kysely } from 'kysely';
import {
  allowListAdmitsUrl,
  CangError,
  FieldProblems,
  isLoopbackIp,
  normaliseAllowAddress,
  parseInput,
} from '../core/index.js';
import type { AuditActor, Database } from '../store/index.js';
import { requireOrganisation } from './organisation-commands.js';
import { ProviderAllowListInput, type ProviderAllowListView } from './provider-allow-list-schemas.js';
import type { RegistryContext } from './registry-context.js';

/** Commands on the organisations' provider allow-lists (only platform administrators write them). */
export interface ProviderAllowListCommands {
  /** An organisation's allow-list; `not-found` if the organisation is absent. */
  get(organisationId: string): Promise<ProviderAllowListView>;
  /** Replaces an organisation's whole allow-list. */
  replace(actor: AuditActor, organisationId: string, input: unknown): Promise<ProviderAllowListView>;
}

/** An organisation's allow-list entries, in address order. */
export async function readAllowList(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ProviderAllowListView['entries']> {
  const rows = await db
    .selectFrom('provider_allow_list')
    .select(['address', 'ports'])
    .where('organisation_id', '=', organisationId)
    .orderBy('address')
    .execute();
  return rows.map((row) => ({
    address: row.address,
    ports: row.ports === null ? null : (JSON.parse(row.ports) as number[]),
  }));
}

/** How a base URL is checked against its organisation's allow-list. */
export interface AllowListCheck {
  /** Loopback hosts count as allowed (CANG_ALLOW_LOOPBACK_PROVIDERS). */
  readonly allowLoopback: boolean;
}

/**
 * Refuses a base URL outside the organisation's allow-list with `forbidden`, naming `/baseUrl`: only a
 * platform administrator may point a service elsewhere. With loopback providers allowed, `localhost`
 * and loopback addresses count as inside (the exchange still refuses Cảng's own ports there).
 */
export async function requireWithinAllowList(
  db: Kysely<Database>,
  organisationId: string,
  baseUrl: string,
  check: AllowListCheck,
): Promise<void> {
  const url = new URL(baseUrl);
  const loopback = url.hostname === 'localhost' || isLoopbackIp(url.hostname);
  if (check.allowLoopback && loopback) return;
  if (allowListAdmitsUrl(await readAllowList(db, organisationId), url)) return;
  throw new CangError('forbidden', "The base URL is outside the organisation's provider allow-list", {
    errors: [
      {
        pointer: '/baseUrl',
        detail:
          "is outside the organisation's provider allow-list; a platform administrator must set it or allow it",
      },
    ],
  });
}

/** Builds the allow-list commands over a registry context. */
export function providerAllowListCommands(context: RegistryContext): ProviderAllowListCommands {
  const { db } = context;
  return {
    async get(organisationId) {
      await requireOrganisation(db, organisationId);
      return { organisation: organisationId, entries: await readAllowList(db, organisationId) };
    },

    async replace(actor, organisationId, raw) {
      const input = parseInput(ProviderAllowListInput, raw, 'Invalid provider allow-list');
      const problems = new FieldProblems();
      const entries: ProviderAllowListView['entries'] = [];
      const seen = new Set<string>();
      input.entries.forEach((entry, index) => {
        const address = normaliseAllowAddress(entry.address);
        if (address === undefined) {
          problems.add(
            `/entries/${index}/address`,
            'must be a host name, *.domain, an IP address or a CIDR block',
          );
        } else if (seen.has(address)) {
          problems.add(`/entries/${index}/address`, 'is listed twice');
        } else {
          seen.add(address);
          const ports = entry.ports === null ? null : [...new Set(entry.ports)].sort((a, b) => a - b);
          entries.push({ address, ports });
        }
      });
      problems.throwIfAny('Invalid provider allow-list');
      entries.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
      return context.write(actor, async (trx, now) => {
        await requireOrganisation(trx, organisationId);
        await trx.deleteFrom('provider_allow_list').where('organisation_id', '=', organisationId).execute();
        if (entries.length > 0) {
          await trx
            .insertInto('provider_allow_list')
            .values(
              entries.map((entry) => ({
                organisation_id: organisationId,
                address: entry.address,
                ports: entry.ports === null ? null : JSON.stringify(entry.ports),
                created_at: now,
              })),
            )
            .execute();
        }
        return {
          result: { organisation: organisationId, entries },
          audit: { action: 'provider-allow-list.replace', resource: organisationId, details: { entries } },
        };
      });
    },
  };
}
