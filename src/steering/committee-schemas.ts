import { type Static, Type } from '@sinclair/typebox';
import { CalendarDate, NullableDate, NullableText, Text, UnitId } from './common-schemas.js';

/** Roles in a committee. */
export const COMMITTEE_ROLES = ['head', 'standing-deputy', 'deputy', 'member', 'working-group'] as const;
/** Kinds of committee decision. */
export const DECISION_KINDS = ['founding', 'consolidating'] as const;

const CommitteeRole = Type.Union(
  COMMITTEE_ROLES.map((role) => Type.Literal(role)),
  { description: 'head, standing-deputy, deputy, member or working-group' },
);
const DecisionKind = Type.Union(
  DECISION_KINDS.map((kind) => Type.Literal(kind)),
  { description: 'founding or consolidating' },
);

/** A founding or consolidating decision. */
export const DecisionInput = Type.Object(
  {
    kind: DecisionKind,
    number: Text('Decision number', '3820/QĐ-UBND', 100),
    date: CalendarDate('Date of the decision', '2021-12-20'),
    issuer: Text('Issuer', 'UBND thành phố Hải Phòng', 255),
    documentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The document' })),
    confirmed: Type.Optional(
      Type.Boolean({ description: 'False while the number or date is not confirmed; true by default' }),
    ),
    note: Type.Optional(Text('What is known and where it comes from', 'Số quyết định chưa xác minh', 1000)),
  },
  { additionalProperties: false },
);
/** A committee decision. */
export type DecisionInput = Static<typeof DecisionInput>;

/** A member's role over a span of dates. */
export const MemberInput = Type.Object(
  {
    role: CommitteeRole,
    personName: Text('Person (or the holder of a position)', 'Chủ tịch UBND thành phố', 255),
    position: Text('Position', 'Chủ tịch UBND thành phố', 255),
    from: CalendarDate('First day in the role', '2021-12-20'),
    to: Type.Optional(CalendarDate('Last day in the role', '2025-02-28')),
    confirmed: Type.Optional(
      Type.Boolean({ description: 'False while the membership is not confirmed; true by default' }),
    ),
  },
  { additionalProperties: false },
);
/** A member's role. */
export type MemberInput = Static<typeof MemberInput>;

/** A new committee of a unit. */
export const CommitteeInput = Type.Object(
  {
    unitId: UnitId('The unit whose committee it is', 'UBND-HP'),
    name: Text('Name', 'Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng', 255),
    decisions: Type.Optional(Type.Array(DecisionInput, { maxItems: 20 })),
    members: Type.Optional(Type.Array(MemberInput, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
/** A new committee. */
export type CommitteeInput = Static<typeof CommitteeInput>;

/** Ends a member's role. */
export const EndMemberInput = Type.Object(
  { to: CalendarDate('Last day in the role', '2025-02-28') },
  { additionalProperties: false },
);

/** A decision as presented. */
export const DecisionView = Type.Object({
  id: Type.String(),
  kind: DecisionKind,
  number: Type.String(),
  date: CalendarDate('Date'),
  issuer: Type.String(),
  documentId: NullableText('The document'),
  confirmed: Type.Boolean({ description: 'False while the number or date is not confirmed (chưa xác minh)' }),
  note: NullableText('What is known and where it comes from'),
});

/** A member's role as presented. */
export const MemberView = Type.Object({
  id: Type.String(),
  role: CommitteeRole,
  personName: Type.String(),
  position: Type.String(),
  from: CalendarDate('From'),
  to: NullableDate('To'),
  active: Type.Boolean({ description: 'Whether the role is held on the date asked for' }),
  sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu)' }),
  confirmed: Type.Boolean({ description: 'False while the membership is not confirmed (chưa xác minh)' }),
});

/** A committee as presented, with its decisions and members. */
export const CommitteeView = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  name: Type.String(),
  decisions: Type.Array(DecisionView),
  members: Type.Array(MemberView),
  sample: Type.Boolean(),
});
/** A committee as presented. */
export type CommitteeView = Static<typeof CommitteeView>;
