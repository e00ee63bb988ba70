import type { Kysely } from 'kysely';
import { CangError, uuidV7, parseInput } from '../core/index.js';
import type { AuditActor, Database, SteeringAttachmentTable } from '../store/index.js';
import { checkAttachmentContent } from './attachment-content.js';
import { AttachmentInput, type AttachmentView } from './document-schemas.js';
import type { SteeringContext } from './steering-context.js';
import { findUnit } from './unit-rows.js';

/** An attachment's bytes for download. */
export interface AttachmentFile {
  readonly view: AttachmentView;
  readonly bytes: Buffer;
}

/** Attachments: files stored in the database with their SHA-256. */
export interface AttachmentCommands {
  /** Stores a file after checking its size and its magic bytes against the declared type. */
  upload(actor: AuditActor, input: AttachmentInput): Promise<AttachmentView>;
  /** An attachment's metadata; `not-found` if absent. */
  get(id: string): Promise<AttachmentView>;
  /** An attachment's metadata and bytes. */
  download(id: string): Promise<AttachmentFile>;
  /** Whether the attachment is evidence on a line of an accepted report (then every reader may see it). */
  isAcceptedEvidence(id: string): Promise<boolean>;
}

type AttachmentMeta = Omit<SteeringAttachmentTable, 'content'>;

/** Presents an attachment row (without content). */
export function presentAttachment(row: AttachmentMeta): AttachmentView {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size_bytes,
    sha256: row.sha256,
    unitId: row.unit_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const META_COLUMNS = [
  'id',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'unit_id',
  'created_by',
  'created_at',
] as const;

/** Reads an attachment's metadata, or undefined. */
export function findAttachment(db: Kysely<Database>, id: string): Promise<AttachmentMeta | undefined> {
  return db.selectFrom('steering_attachments').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Builds the attachment commands over a steering context. */
export function attachmentCommands(context: SteeringContext): AttachmentCommands {
  const { db } = context;
  return {
    async upload(actor, raw) {
      const input = parseInput(AttachmentInput, raw, 'Invalid attachment');
      const { bytes, sha256 } = checkAttachmentContent(input.contentBase64, input.mediaType);
      return context.write(actor, async (trx, now) => {
        if (input.unitId !== undefined && (await findUnit(trx, input.unitId)) === undefined) {
          throw new CangError('validation-failed', 'Invalid attachment', {
            errors: [{ pointer: '/unitId', detail: `no unit ${input.unitId}` }],
          });
        }
        const row: SteeringAttachmentTable = {
          id: uuidV7(now),
          file_name: input.fileName,
          media_type: input.mediaType,
          size_bytes: bytes.length,
          sha256,
          content: bytes.toString('base64'),
          unit_id: input.unitId ?? null,
          created_by: actor.id,
          created_at: now,
        };
        await trx.insertInto('steering_attachments').values(row).execute();
        const view = presentAttachment(row);
        return {
          result: view,
          audit: {
            action: 'steering.attachment.upload',
            resource: input.unitId === undefined ? `attachment/${row.id}` : `${input.unitId}/${row.id}`,
            details: { fileName: view.fileName, mediaType: view.mediaType, size: view.size, sha256 },
          },
        };
      });
    },

    async get(id) {
      const row = await findAttachment(db, id);
      if (row === undefined) throw new CangError('not-found', `No attachment ${id}`);
      return presentAttachment(row);
    },

    async download(id) {
      const row = await db
        .selectFrom('steering_attachments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) throw new CangError('not-found', `No attachment ${id}`);
      return { view: presentAttachment(row), bytes: Buffer.from(row.content, 'base64') };
    },

    async isAcceptedEvidence(id) {
      // evidence_ids is a JSON array of attachment ids, which are generated and hold no LIKE wildcard.
      const found = await db
        .selectFrom('steering_report_items')
        .innerJoin('steering_reports', 'steering_reports.id', 'steering_report_items.report_id')
        .select('steering_report_items.report_id')
        .where('steering_reports.status', '=', 'accepted')
        .where('steering_report_items.evidence_ids', 'like', `%${JSON.stringify(id)}%`)
        .executeTakeFirst();
      return found !== undefined;
    },
  };
}
