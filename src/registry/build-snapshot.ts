import { CangError } from '../core/index.js';
import { readConfigVersion } from './config-version.js';
import { buildFederationConfiguration } from './federation/build-federation-configuration.js';
import type { RegistryContext } from './registry-context.js';
import type { SnapshotNode, UnsignedSnapshot } from './snapshot.js';

/** How long a snapshot stays valid once issued. */
export interface SnapshotOptions {
  readonly expiresInSeconds: number;
}

/**
 * Reads the whole registry into a configuration snapshot in one consistent read. Revoked or expired
 * credentials and expired grants are left out; retired node keys stay in, with `retiredAt`, because
 * seals made before retirement must still verify. Each trusted partner comes with the federation
 * configuration it is shown, built from the same read and with the snapshot's version and expiry, for
 * the publisher to sign.
 */
export async function buildSnapshot(
  context: RegistryContext,
  options: SnapshotOptions,
): Promise<UnsignedSnapshot> {
  if (!Number.isInteger(options.expiresInSeconds) || options.expiresInSeconds < 1) {
    throw new CangError('internal', 'A snapshot needs a positive whole number of seconds to live');
  }
  const now = context.now();
  // Repeatable read on PostgreSQL: every statement sees the same committed state as the version read.
  // SQLite runs the transaction on its single connection, which is consistent already.
  return context.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const version = await readConfigVersion(trx);
      const organisations = await trx
        .selectFrom('organisations')
        .select(['id', 'name'])
        .orderBy('id')
        .execute();
      const systems = await trx
        .selectFrom('systems')
        .select(['id', 'name', 'organisation_id'])
        .orderBy('id')
        .execute();
      const services = await trx.selectFrom('services').selectAll().orderBy('id').execute();
      const grants = await trx
        .selectFrom('grants')
        .selectAll()
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('id')
        .execute();
      const credentials = await trx
        .selectFrom('credentials')
        .selectAll()
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('id')
        .execute();
      const nodes = await trx.selectFrom('nodes').selectAll().orderBy('id').execute();
      const platforms = await trx.selectFrom('external_platforms').selectAll().orderBy('system_id').execute();
      const keys = await trx
        .selectFrom('node_keys')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const partners = await trx.selectFrom('federation_partners').selectAll().orderBy('instance').execute();
      const offers = await trx.selectFrom('federation_offers').selectAll().orderBy('service_id').execute();
      const outbound = await trx
        .selectFrom('federation_outbound')
        .selectAll()
        .orderBy('client_system_id')
        .execute();
      const allowList = await trx
        .selectFrom('provider_allow_list')
        .select(['organisation_id', 'address', 'ports'])
        .orderBy('organisation_id')
        .orderBy('address')
        .execute();
      const issuedAt = now;
      const expiresAt = now + options.expiresInSeconds * 1000;
      const rows = { nodes, organisations, systems, services, grants };
      return {
        format: 'cang-config/1',
        instance: context.instance,
        version,
        issuedAt,
        expiresAt,
        organisations,
        systems: systems.map(({ id, name }) => ({ id, name })),
        services: services.map((row) => ({
          id: row.id,
          name: row.name,
          baseUrl: row.base_url,
          enabled: row.enabled === 1,
          timeoutMs: row.timeout_ms,
          maxBodyBytes: row.max_body_bytes,
          logBodies: row.log_bodies === 1,
          // The document itself stays in the registry; nodes fetch it for getOpenAPI (docs/exchange-protocol.md).
          hasOpenapi: row.openapi !== null,
        })),
        grants: grants.map((row) => ({
          id: row.id,
          client: row.client_system_id,
          service: row.service_id,
          methods: row.methods === null ? null : (JSON.parse(row.methods) as string[]),
          pathPatterns: row.path_patterns === null ? null : (JSON.parse(row.path_patterns) as string[]),
          quotaPerMinute: row.quota_per_minute,
          expiresAt: row.expires_at,
        })),
        credentials: credentials.map((row) => ({
          id: row.id,
          system: row.system_id,
          tokenHash: row.token_hash,
          certificateFingerprint: row.certificate_fingerprint,
          expiresAt: row.expires_at,
        })),
        nodes: nodes.map(
          (node): SnapshotNode => ({
            id: node.id,
            keys: keys
              .filter((key) => key.node_id === node.id)
              .map((key) => ({ id: key.id, publicKey: key.public_key, retiredAt: key.retired_at })),
          }),
        ),
        partners: partners.map((partner) => {
          const outboundClients = outbound
            .filter((row) => row.partner === partner.instance)
            .map((row) => row.client_system_id);
          return {
            instance: partner.instance,
            publicKey: partner.public_key,
            certificate: partner.certificate,
            configurationUrls: JSON.parse(partner.configuration_urls) as string[],
            outboundClients,
            configuration: buildFederationConfiguration(
              { instance: context.instance, partner: partner.instance, version, issuedAt, expiresAt },
              rows,
              offers.filter((offer) => offer.partner === partner.instance),
              outboundClients,
            ),
          };
        }),
        providerAllowLists: [...new Set(allowList.map((row) => row.organisation_id))].map((organisation) => ({
          organisation,
          entries: allowList
            .filter((row) => row.organisation_id === organisation)
            .map((row) => ({
              address: row.address,
              ports: row.ports === null ? null : (JSON.parse(row.ports) as number[]),
            })),
        })),
        externalPlatforms: platforms.map((row) => ({
          system: row.system_id,
          origin: row.origin,
          kind: row.auth_kind,
          tokenUrl: row.token_url,
          clientId: row.client_id,
          scope: row.scope,
          header: row.api_key_header,
          sealedSecret: row.sealed_secret,
        })),
      };
    });
}
