import { type Static, Type } from '@sinclair/typebox';
import { GrantInput, OrganisationIdSchema, SystemIdSchema } from '../registry/index.js';
import { DECISION_WORKING_DAYS } from './sharing-request-deadline.js';

/** States of a sharing request. */
export const SHARING_REQUEST_STATES = [
  'draft',
  'submitted',
  'changes-requested',
  'resubmitted',
  'approved',
  'refused',
  'revoked',
  'expired',
] as const;

/** State of a sharing request. */
export const SharingRequestStateSchema = Type.Union(
  SHARING_REQUEST_STATES.map((state) => Type.Literal(state)),
  {
    description:
      'draft → submitted → changes-requested → resubmitted → approved | refused; approved → revoked | expired',
  },
);

const Text = (max: number, description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: max, description, examples: [example] });

const requestFields = {
  clientSystem: SystemIdSchema,
  purpose: Text(
    2000,
    'What the data is used for',
    'Xác minh thông tin hộ tịch khi giải quyết thủ tục hành chính',
  ),
  legalBasis: Text(
    1000,
    'The legal basis',
    'Nghị định 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số',
  ),
  fieldsNeeded: Type.Array(Text(120, 'A field needed', 'ngày sinh'), { minItems: 1, maxItems: 100 }),
  durationDays: Type.Integer({
    minimum: 1,
    maximum: 1826,
    description: 'How long access is needed, in days',
  }),
};

/** Input to ask for a data service (or a dataset's services) for one of the requester's systems. */
export const SharingRequestInput = Type.Object(
  {
    entry: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The catalog entry: a data service or dataset',
    }),
    requester: OrganisationIdSchema,
    clientSystem: Type.Optional(requestFields.clientSystem),
    purpose: requestFields.purpose,
    legalBasis: requestFields.legalBasis,
    fieldsNeeded: requestFields.fieldsNeeded,
    durationDays: requestFields.durationDays,
    submit: Type.Optional(Type.Boolean({ description: 'Submit at once instead of keeping a draft' })),
  },
  { additionalProperties: false },
);
/** Input to create a sharing request. */
export type SharingRequestInput = Static<typeof SharingRequestInput>;

/** Changes to a draft request, or one sent back for changes. */
export const SharingRequestPatch = Type.Object(
  {
    clientSystem: Type.Optional(requestFields.clientSystem),
    purpose: Type.Optional(requestFields.purpose),
    legalBasis: Type.Optional(requestFields.legalBasis),
    fieldsNeeded: Type.Optional(requestFields.fieldsNeeded),
    durationDays: Type.Optional(requestFields.durationDays),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a sharing request. */
export type SharingRequestPatch = Static<typeof SharingRequestPatch>;

const reasonField = Text(2000, 'Why', 'Cần nêu rõ căn cứ pháp lý cho trường số định danh');

/** A reason: for asking changes or revoking. */
export const ReasonInput = Type.Object({ reason: reasonField }, { additionalProperties: false });

/**
 * A refusal: written reasons and their legal basis, both required (Decree 47/2020/NĐ-CP Art. 35 as
 * amended by Decree 194/2025/NĐ-CP).
 */
export const RefusalInput = Type.Object(
  {
    reason: Text(2000, 'Why the request is refused', 'Dữ liệu yêu cầu thuộc danh mục bí mật nhà nước'),
    legalBasis: Text(1000, 'The legal basis of the refusal', 'Luật Bảo vệ bí mật nhà nước 2018, Điều 5'),
  },
  { additionalProperties: false },
);
/** A refusal. */
export type RefusalInput = Static<typeof RefusalInput>;

/** A message on a request. */
export const MessageInput = Type.Object(
  { body: Text(4000, 'The message', 'Đã bổ sung căn cứ pháp lý theo yêu cầu.') },
  { additionalProperties: false },
);

/** The owner's approval: how the grant is narrowed; it expires after the request's duration. */
export const ApprovalInput = Type.Object(
  {
    methods: GrantInput.properties.methods,
    pathPatterns: GrantInput.properties.pathPatterns,
    quotaPerMinute: GrantInput.properties.quotaPerMinute,
    message: Type.Optional(Text(2000, 'A note to the requester', 'Đồng ý chia sẻ trong 12 tháng.')),
  },
  { additionalProperties: false },
);
/** The owner's approval. */
export type ApprovalInput = Static<typeof ApprovalInput>;

/** Filters of the request queues. */
export const SharingRequestListQuery = Type.Object(
  {
    role: Type.Union([Type.Literal('requester'), Type.Literal('owner')], {
      description: 'requester: requests my organisations made; owner: requests for my organisations’ data',
    }),
    overdue: Type.Optional(
      Type.Boolean({
        description: `Only undecided requests past their due date (${DECISION_WORKING_DAYS} working days)`,
      }),
    ),
    state: Type.Optional(SharingRequestStateSchema),
    organisation: Type.Optional(OrganisationIdSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);
/** Filters of the request queues. */
export type SharingRequestListQuery = Static<typeof SharingRequestListQuery>;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** A message or step on a request. */
export const MessageView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  author: Type.String(),
  kind: Type.String({ description: 'message, or the step it records: submitted, approved, …' }),
  body: Type.String(),
});

/** A sharing request as the API presents it. */
export const SharingRequestView = Type.Object({
  id: Type.String(),
  entry: Type.String(),
  entryTitle: Type.String(),
  sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu), which `cang sample remove` deletes' }),
  owner: Type.String({ description: 'The organisation that decides (the entry’s publisher)' }),
  requester: Type.String(),
  clientSystem: Nullable(Type.String()),
  purpose: Type.String(),
  legalBasis: Type.String(),
  fieldsNeeded: Type.Array(Type.String()),
  durationDays: Type.Integer(),
  state: SharingRequestStateSchema,
  submittedAt: Nullable(Type.String()),
  dueDate: Nullable(
    Type.String({
      description:
        `The last day (Hải Phòng's date) of the owner's decision: ${DECISION_WORKING_DAYS} working days ` +
        'after the (re)submission day, in the working calendar (Decree 194/2025/NĐ-CP); null once decided',
    }),
  ),
  dueAt: Nullable(Type.String({ description: 'The instant the due date ends (24:00 in Hải Phòng)' })),
  overdue: Type.Boolean({ description: 'Undecided and past dueAt' }),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  decisionLegalBasis: Nullable(Type.String({ description: 'The legal basis a refusal cites' })),
  grants: Type.Array(Type.String(), { description: 'Registry grant ids created by the approval' }),
  expiresAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  messages: Type.Optional(Type.Array(MessageView)),
});
/** A sharing request as the API presents it. */
export type SharingRequestView = Static<typeof SharingRequestView>;

/** A page of sharing requests. */
export const SharingRequestPage = Type.Object({
  items: Type.Array(SharingRequestView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
