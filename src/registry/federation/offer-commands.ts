import type { Static } from '@sinclair/typebox';
import { CangError, parseInput, parseQuery, parseServiceId } from '../../core/index.js';
import type { AuditActor, FederationOfferTable } from '../../store/index.js';
import { ListQuery, type Page } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from '../pagination.js';
import type { RegistryContext } from '../registry-context.js';
import { requireService } from '../service-commands.js';
import { isoTime } from '../time-text.js';
import { OfferInput, type OfferView } from './federation-schemas.js';
import { requirePartner } from './partner-commands.js';

/** Commands and queries on what this instance offers each partner. */
export interface OfferCommands {
  /** The services offered to a partner, in service id order. */
  list(partner: string, query?: Static<typeof ListQuery>): Promise<Page<OfferView>>;
  /** Offers a local service to a partner, or changes whether its OpenAPI document is shown. */
  set(actor: AuditActor, partner: string, input: OfferInput): Promise<OfferView>;
  /** Withdraws an offer; `not-found` if the service is not offered to the partner. */
  remove(actor: AuditActor, partner: string, serviceId: string): Promise<void>;
}

/** Presents an offer row. */
export function presentOffer(row: FederationOfferTable): OfferView {
  return {
    partner: row.partner,
    service: row.service_id,
    publishOpenapi: row.publish_openapi === 1,
    createdAt: isoTime(row.created_at),
  };
}

/** Builds the offer commands over a registry context. */
export function offerCommands(context: RegistryContext): OfferCommands {
  const { db } = context;
  return {
    async list(partner, query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      await requirePartner(db, partner);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('federation_offers')
        .selectAll()
        .where('partner', '=', partner)
        .orderBy('service_id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('service_id', '>', after);
      return toPage(await select.execute(), limit, presentOffer, (row) => row.service_id);
    },

    async set(actor, partner, raw) {
      const input = parseInput(OfferInput, raw, 'Invalid offer');
      return context.write(actor, async (trx, now) => {
        await requirePartner(trx, partner);
        await requireService(trx, input.service);
        const existing = await trx
          .selectFrom('federation_offers')
          .selectAll()
          .where('partner', '=', partner)
          .where('service_id', '=', input.service)
          .executeTakeFirst();
        const row: FederationOfferTable = {
          partner,
          service_id: input.service,
          publish_openapi: input.publishOpenapi === true ? 1 : 0,
          created_at: existing?.created_at ?? now,
        };
        if (existing === undefined) await trx.insertInto('federation_offers').values(row).execute();
        else {
          await trx
            .updateTable('federation_offers')
            .set({ publish_openapi: row.publish_openapi })
            .where('partner', '=', partner)
            .where('service_id', '=', input.service)
            .execute();
        }
        const view = presentOffer(row);
        return {
          result: view,
          audit: {
            action: 'federation.offer.set',
            resource: `partner:${partner}/${input.service}`,
            details: { publishOpenapi: view.publishOpenapi },
          },
        };
      });
    },

    async remove(actor, partner, serviceId) {
      parseServiceId(serviceId);
      await context.write(actor, async (trx) => {
        await requirePartner(trx, partner);
        const removed = await trx
          .deleteFrom('federation_offers')
          .where('partner', '=', partner)
          .where('service_id', '=', serviceId)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) {
          throw new CangError('not-found', `${serviceId} is not offered to ${partner}`);
        }
        return {
          result: undefined,
          audit: { action: 'federation.offer.remove', resource: `partner:${partner}/${serviceId}` },
        };
      });
    },
  };
}
