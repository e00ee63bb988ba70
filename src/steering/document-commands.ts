import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, uuidV7, FieldProblems, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, Database, SteeringDocumentTable } from '../store/index.js';
import { findAttachment, presentAttachment } from './attachment-commands.js';
import { isCalendarDate } from './calendar-date.js';
import { type DocumentKind, DocumentInput, DocumentQuery, type DocumentView } from './document-schemas.js';
import type { SteeringContext } from './steering-context.js';
import { findUnit } from './unit-rows.js';

/** Documents: resolutions, decisions, plans, regulations and reports. */
export interface DocumentCommands {
  /** Documents by date, optionally of one kind or unit. */
  list(query?: Static<typeof DocumentQuery>): Promise<DocumentView[]>;
  /** One document; `not-found` if absent. */
  get(id: string): Promise<DocumentView>;
  /** Records a document; its number is unique per issuer. */
  create(actor: AuditActor, input: DocumentInput, options?: { sample?: boolean }): Promise<DocumentView>;
}

/** Presents a document row with its attachment's metadata. */
export async function presentDocument(
  db: Kysely<Database>,
  row: SteeringDocumentTable,
): Promise<DocumentView> {
  const attachment = row.attachment_id === null ? undefined : await findAttachment(db, row.attachment_id);
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    number: row.number,
    date: row.date,
    issuer: row.issuer,
    title: row.title,
    unitId: row.unit_id,
    attachment: attachment === undefined ? null : presentAttachment(attachment),
    replaces: row.replaces,
    sample: row.sample === 1,
  };
}

/** Builds the document commands over a steering context. */
export function documentCommands(context: SteeringContext): DocumentCommands {
  const { db } = context;
  return {
    async list(raw) {
      const query = parseQuery(DocumentQuery, raw);
      let select = db.selectFrom('steering_documents').selectAll().orderBy('date').orderBy('number');
      if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
      if (query.unitId !== undefined) select = select.where('unit_id', '=', query.unitId);
      const rows = await select.execute();
      return Promise.all(rows.map((row) => presentDocument(db, row)));
    },

    async get(id) {
      const row = await db
        .selectFrom('steering_documents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) throw new CangError('not-found', `No document ${id}`);
      return presentDocument(db, row);
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(DocumentInput, raw, 'Invalid document');
      return context.write(actor, async (trx, now) => {
        const problems = new FieldProblems();
        if (!isCalendarDate(input.date)) problems.add('/date', 'is not a calendar date');
        if (input.unitId !== undefined && (await findUnit(trx, input.unitId)) === undefined) {
          problems.add('/unitId', `no unit ${input.unitId}`);
        }
        if (
          input.attachmentId !== undefined &&
          (await findAttachment(trx, input.attachmentId)) === undefined
        ) {
          problems.add('/attachmentId', `no attachment ${input.attachmentId}`);
        }
        problems.throwIfAny('Invalid document');
        const existing = await trx
          .selectFrom('steering_documents')
          .select('id')
          .where('number', '=', input.number)
          .where('issuer', '=', input.issuer)
          .executeTakeFirst();
        if (existing !== undefined) {
          throw new CangError('conflict', `Document ${input.number} of ${input.issuer} already exists`);
        }
        const row: SteeringDocumentTable = {
          id: uuidV7(now),
          kind: input.kind,
          number: input.number,
          date: input.date,
          issuer: input.issuer,
          title: input.title,
          unit_id: input.unitId ?? null,
          attachment_id: input.attachmentId ?? null,
          replaces: input.replaces ?? null,
          sample: options.sample ? 1 : 0,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_documents').values(row).execute();
        return {
          result: await presentDocument(trx, row),
          audit: {
            action: 'steering.document.create',
            resource: `${input.unitId ?? 'document'}/${row.id}`,
            details: input,
          },
        };
      });
    },
  };
}
