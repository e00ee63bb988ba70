import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../core/index.js';
import { ATTACHMENT_MEDIA_TYPES } from './attachment-content.js';
import { CalendarDate, NullableText, Text, UnitId } from './common-schemas.js';

/** Kinds of document. */
export const DOCUMENT_KINDS = ['resolution', 'decision', 'plan', 'regulation', 'report'] as const;
/** A kind of document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const DocumentKindSchema = Type.Union(
  DOCUMENT_KINDS.map((kind) => Type.Literal(kind)),
  { description: 'resolution, decision, plan, regulation or report' },
);

/** An attachment upload: the file as base64 in JSON. */
export const AttachmentInput = Type.Object(
  {
    fileName: Text('File name', 'QD-284-UBND.pdf', 255),
    mediaType: Type.Union(
      Object.keys(ATTACHMENT_MEDIA_TYPES).map((type) => Type.Literal(type)),
      { description: 'PDF, DOCX, XLSX, PNG or JPEG; checked against the content' },
    ),
    contentBase64: Type.String({ minLength: 1, description: 'The file, base64; at most 10 MiB decoded' }),
    unitId: Type.Optional(UnitId('The unit uploading it as report evidence; absent for the secretariat')),
  },
  { additionalProperties: false },
);
/** An attachment upload. */
export type AttachmentInput = Static<typeof AttachmentInput>;

/** An attachment's metadata. */
export const AttachmentView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String({ description: 'SHA-256 of the bytes, hex' }),
  unitId: NullableText('Uploading unit'),
  createdAt: DateTimeView('When it was uploaded'),
});
/** An attachment's metadata. */
export type AttachmentView = Static<typeof AttachmentView>;

/** A new document. */
export const DocumentInput = Type.Object(
  {
    kind: DocumentKindSchema,
    number: Text('Document number', '284/QĐ-UBND', 100),
    date: CalendarDate('Date of issue', '2022-01-24'),
    issuer: Text('Issuing body', 'UBND thành phố Hải Phòng', 255),
    title: Text('Title', 'Chương trình hành động thực hiện Nghị quyết 03-NQ/TU về chuyển đổi số', 1000),
    unitId: Type.Optional(UnitId('The unit it is issued by or for')),
    attachmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    replaces: Type.Optional(Text('The document it replaces', '2830/QĐ-UBND (30/10/2018)', 255)),
  },
  { additionalProperties: false },
);
/** A new document. */
export type DocumentInput = Static<typeof DocumentInput>;

/** A document as the API presents it. */
export const DocumentView = Type.Object({
  id: Type.String(),
  kind: DocumentKindSchema,
  number: Type.String(),
  date: CalendarDate('Date of issue'),
  issuer: Type.String(),
  title: Type.String(),
  unitId: NullableText('Issued by or for'),
  attachment: Type.Union([AttachmentView, Type.Null()]),
  replaces: NullableText('Replaces'),
  sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu)' }),
});
/** A document as the API presents it. */
export type DocumentView = Static<typeof DocumentView>;

/** Filters of the document list. */
export const DocumentQuery = Type.Object(
  {
    kind: Type.Optional(DocumentKindSchema),
    unitId: Type.Optional(UnitId()),
  },
  { additionalProperties: false },
);
