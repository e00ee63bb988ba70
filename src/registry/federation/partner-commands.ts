import { X509Certificate } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, FieldProblems, isSegment, parseInput, parseQuery, sha256Hex } from '../../core/index.js';
import type { AuditActor, Database, FederationPartnerTable } from '../../store/index.js';
import { ListQuery, type Page } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, encodeIdCursor } from '../pagination.js';
import { canonicalEd25519PublicKey, publicKeyId } from '../public-key-id.js';
import type { RegistryContext } from '../registry-context.js';
import { isoTime } from '../time-text.js';
import { checkAnchor, configurationUrlProblem } from './anchor-checks.js';
import type { ConfigurationAnchor } from './configuration-anchor.js';
import { AnchorInput, type PartnerView } from './federation-schemas.js';

/** The path partners fetch a node's federation configuration from. */
export const FEDERATION_CONFIGURATION_PATH = '/federation/v1/configuration';

/** What this instance signs its anchor with: its registry key and authority certificate. */
export interface AnchorAuthority {
  /** The registry key, base64url SPKI DER. */
  readonly publicKey: string;
  /** The authority certificate (PEM) made from the registry key. */
  readonly certificate: string;
}

/** Commands and queries on trusted partner instances. */
export interface PartnerCommands {
  /** Lists the trusted partners in instance order. */
  list(query?: Static<typeof ListQuery>): Promise<Page<PartnerView>>;
  /** One partner; `partner-unknown` if it is not trusted. */
  get(instance: string): Promise<PartnerView>;
  /**
   * Trusts a partner from its anchor, validated field by field; an anchor of a partner already trusted
   * replaces the one held (a key or certificate rotation), keeping what is offered to it.
   */
  add(actor: AuditActor, anchor: unknown): Promise<PartnerView>;
  /**
   * Stops trusting a partner: removes it, what is offered to it, the systems allowed to call it and its
   * organisations and systems known here with the grants to them, in one audited write.
   */
  remove(actor: AuditActor, instance: string): Promise<void>;
  /**
   * This instance's anchor: the instance, the registry key, the authority certificate and the
   * configuration URL of every node with a federation address (or `configurationUrls`, when given).
   * `conflict` when there is no URL at all: a partner could fetch nothing.
   */
  exportAnchor(
    authority: AnchorAuthority,
    configurationUrls?: readonly string[],
  ): Promise<ConfigurationAnchor>;
}

/** Presents a partner row. */
export function presentPartner(row: FederationPartnerTable): PartnerView {
  const certificate = new X509Certificate(row.certificate);
  return {
    instance: row.instance,
    publicKey: row.public_key,
    keyId: publicKeyId(row.public_key),
    certificate: row.certificate,
    certificateFingerprint: sha256Hex(certificate.raw),
    certificateExpiresAt: isoTime(Date.parse(certificate.validTo)),
    configurationUrls: JSON.parse(row.configuration_urls) as string[],
    addedAt: isoTime(row.added_at),
  };
}

/** Reads a partner row or throws `partner-unknown`; a malformed instance is a `bad-request`. */
export async function requirePartner(
  db: Kysely<Database>,
  instance: string,
): Promise<FederationPartnerTable> {
  if (!isSegment(instance)) throw new CangError('bad-request', 'Malformed instance identifier');
  const row = await db
    .selectFrom('federation_partners')
    .selectAll()
    .where('instance', '=', instance)
    .executeTakeFirst();
  if (row === undefined) throw new CangError('partner-unknown', `No trusted partner ${instance}`);
  return row;
}

/** Builds the partner commands over a registry context. */
export function partnerCommands(context: RegistryContext): PartnerCommands {
  const { db } = context;
  return {
    async list(query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('federation_partners')
        .selectAll()
        .orderBy('instance')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('instance', '>', after);
      const rows = await select.execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(presentPartner),
        nextCursor: rows.length > limit && last !== undefined ? encodeIdCursor(last.instance) : null,
      };
    },

    async get(instance) {
      return presentPartner(await requirePartner(db, instance));
    },

    async add(actor, raw) {
      const anchor = parseInput(AnchorInput, raw, 'Invalid configuration anchor', (value, problems) =>
        checkAnchor(value, context.instance, problems),
      );
      const row: Omit<FederationPartnerTable, 'added_at'> = {
        instance: anchor.instance,
        public_key: canonicalEd25519PublicKey(anchor.publicKey)!,
        certificate: anchor.certificate,
        configuration_urls: JSON.stringify([...new Set(anchor.configurationUrls)]),
      };
      return context.write(actor, async (trx, now) => {
        const existing = await trx
          .selectFrom('federation_partners')
          .select('instance')
          .where('instance', '=', row.instance)
          .executeTakeFirst();
        const stored: FederationPartnerTable = { ...row, added_at: now };
        if (existing === undefined) {
          await trx.insertInto('federation_partners').values(stored).execute();
        } else {
          await trx
            .updateTable('federation_partners')
            .set(stored)
            .where('instance', '=', row.instance)
            .execute();
        }
        const view = presentPartner(stored);
        return {
          result: view,
          audit: {
            action: existing === undefined ? 'federation.partner.add' : 'federation.partner.replace',
            resource: `partner:${row.instance}`,
            details: {
              keyId: view.keyId,
              certificateFingerprint: view.certificateFingerprint,
              configurationUrls: view.configurationUrls,
            },
          },
        };
      });
    },

    async remove(actor, instance) {
      await context.write(actor, async (trx) => {
        await requirePartner(trx, instance);
        const offers = await trx
          .deleteFrom('federation_offers')
          .where('partner', '=', instance)
          .executeTakeFirst();
        const outbound = await trx
          .deleteFrom('federation_outbound')
          .where('partner', '=', instance)
          .executeTakeFirst();
        // The partner's organisations exist here only so that grants could name its systems; the
        // systems and the grants to them go with them (foreign-key cascade).
        const grants = await trx
          .deleteFrom('grants')
          .where('client_system_id', 'in', (eb) =>
            eb
              .selectFrom('systems')
              .innerJoin('organisations', 'organisations.id', 'systems.organisation_id')
              .select('systems.id')
              .where('organisations.instance', '=', instance),
          )
          .executeTakeFirst();
        const organisations = await trx
          .deleteFrom('organisations')
          .where('instance', '=', instance)
          .executeTakeFirst();
        await trx.deleteFrom('federation_partners').where('instance', '=', instance).execute();
        return {
          result: undefined,
          audit: {
            action: 'federation.partner.remove',
            resource: `partner:${instance}`,
            details: {
              offers: Number(offers.numDeletedRows),
              outboundClients: Number(outbound.numDeletedRows),
              grants: Number(grants.numDeletedRows),
              organisations: Number(organisations.numDeletedRows),
            },
          },
        };
      });
    },

    async exportAnchor(authority, configurationUrls) {
      let urls = configurationUrls ?? [];
      if (configurationUrls !== undefined) {
        const problems = new FieldProblems();
        for (const [index, url] of configurationUrls.entries()) {
          const problem = configurationUrlProblem(url);
          if (problem !== null) problems.add(`/configurationUrls/${index}`, problem);
        }
        problems.throwIfAny('Invalid configuration URL');
      } else {
        const nodes = await db
          .selectFrom('nodes')
          .select('federation_address')
          .where('federation_address', 'is not', null)
          .orderBy('id')
          .execute();
        urls = nodes.map((node) => `${node.federation_address}${FEDERATION_CONFIGURATION_PATH}`);
      }
      if (urls.length === 0) {
        throw new CangError(
          'conflict',
          'No exchange node has a federation address, so a partner could fetch no configuration; start a node with federation configured first',
        );
      }
      return {
        format: 'cang-anchor/1',
        instance: context.instance,
        publicKey: authority.publicKey,
        certificate: authority.certificate,
        configurationUrls: [...new Set(urls)],
        generatedAt: context.now(),
      };
    },
  };
}
