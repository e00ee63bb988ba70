import type { Static } from '@sinclair/typebox';
import { CangError, parseInput, parseQuery, parseSystemId } from '../../core/index.js';
import type { AuditActor, FederationOutboundTable } from '../../store/index.js';
import { ListQuery, type Page } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from '../pagination.js';
import type { RegistryContext } from '../registry-context.js';
import { requireSystem } from '../system-commands.js';
import { isoTime } from '../time-text.js';
import { OutboundInput, type OutboundView } from './federation-schemas.js';
import { requirePartner } from './partner-commands.js';

/** Commands and queries on the outbound policy: which local systems may call out to each partner. */
export interface OutboundCommands {
  /** The local systems allowed to call a partner, in system id order. */
  list(partner: string, query?: Static<typeof ListQuery>): Promise<Page<OutboundView>>;
  /** Allows a local system to call a partner's services (the partner's grants still decide which). */
  allow(actor: AuditActor, partner: string, input: OutboundInput): Promise<OutboundView>;
  /** Stops a local system calling out to a partner; `not-found` if it was not allowed. */
  revoke(actor: AuditActor, partner: string, clientSystemId: string): Promise<void>;
}

/** Presents an outbound row. */
export function presentOutbound(row: FederationOutboundTable): OutboundView {
  return { partner: row.partner, client: row.client_system_id, createdAt: isoTime(row.created_at) };
}

/** Builds the outbound-policy commands over a registry context. */
export function outboundCommands(context: RegistryContext): OutboundCommands {
  const { db } = context;
  return {
    async list(partner, query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      await requirePartner(db, partner);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('federation_outbound')
        .selectAll()
        .where('partner', '=', partner)
        .orderBy('client_system_id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('client_system_id', '>', after);
      return toPage(await select.execute(), limit, presentOutbound, (row) => row.client_system_id);
    },

    async allow(actor, partner, raw) {
      const input = parseInput(OutboundInput, raw, 'Invalid outbound client', (value, problems) => {
        if (typeof value.client === 'string' && !value.client.startsWith(`${context.instance}/`)) {
          problems.add('/client', `must be a system of this instance (${context.instance})`);
        }
      });
      return context.write(actor, async (trx, now) => {
        await requirePartner(trx, partner);
        await requireSystem(trx, input.client);
        const existing = await trx
          .selectFrom('federation_outbound')
          .selectAll()
          .where('partner', '=', partner)
          .where('client_system_id', '=', input.client)
          .executeTakeFirst();
        const row = existing ?? { partner, client_system_id: input.client, created_at: now };
        if (existing === undefined) await trx.insertInto('federation_outbound').values(row).execute();
        return {
          result: presentOutbound(row),
          audit: { action: 'federation.outbound.allow', resource: `partner:${partner}/${input.client}` },
        };
      });
    },

    async revoke(actor, partner, clientSystemId) {
      parseSystemId(clientSystemId);
      await context.write(actor, async (trx) => {
        await requirePartner(trx, partner);
        const removed = await trx
          .deleteFrom('federation_outbound')
          .where('partner', '=', partner)
          .where('client_system_id', '=', clientSystemId)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) {
          throw new CangError('not-found', `${clientSystemId} is not allowed to call ${partner}`);
        }
        return {
          result: undefined,
          audit: { action: 'federation.outbound.revoke', resource: `partner:${partner}/${clientSystemId}` },
        };
      });
    },
  };
}
