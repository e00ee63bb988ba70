import { type Static, Type } from '@sinclair/typebox';
import { DateTimeView } from '../../core/index.js';
import { CalendarDate, NullableText, Text, UnitId } from '../common-schemas.js';
import { DtiItemCode, DtiPointsStatus, DtiYear } from './dti-method-schemas.js';
import { DtiScoreView } from './dti-score.js';

/** A new self-assessment campaign; the method is the one serving the year. */
export const DtiCampaignInput = Type.Object(
  { year: DtiYear, title: Text('Title', 'Tự đánh giá DTI năm 2025', 255) },
  { additionalProperties: false },
);
/** A new campaign. */
export type DtiCampaignInput = Static<typeof DtiCampaignInput>;

/** Assigns (or reassigns) an item of the year's method to a responsible unit with a deadline. */
export const DtiAssignmentInput = Type.Object(
  {
    itemCode: DtiItemCode,
    unitId: UnitId('The responsible unit', 'SKHCN'),
    deadline: CalendarDate('Deadline for the value and evidence', '2026-01-15'),
  },
  { additionalProperties: false },
);
/** An assignment. */
export type DtiAssignmentInput = Static<typeof DtiAssignmentInput>;

/** A unit's value for its item: points (when the maximum is entered) or the value 0–1, with evidence. */
export const DtiEntryInput = Type.Object(
  {
    points: Type.Optional(Type.Number({ description: 'Points earned, 0 to the maximum' })),
    value: Type.Optional(Type.Number({ description: 'Points ÷ maximum, 0 to 1' })),
    evidence: Text('Evidence: documents, links, figures', 'Báo cáo số 15/BC-SKHCN', 2000),
  },
  { additionalProperties: false },
);
/** A unit's entry. */
export type DtiEntryInput = Static<typeof DtiEntryInput>;

/** Where an item of a campaign stands. */
export const DTI_ITEM_STATUSES = ['unassigned', 'assigned', 'overdue', 'submitted'] as const;
/** Where an item stands. */
export type DtiItemStatus = (typeof DTI_ITEM_STATUSES)[number];

/** One item of the year's method in a campaign, with its assignment and entry if any. */
export const DtiCampaignItemView = Type.Object({
  itemCode: Type.String(),
  itemName: Type.String(),
  parentCode: NullableText('The main index of a component'),
  maxPoints: Type.Union([Type.Number(), Type.Null()]),
  unitId: NullableText('The responsible unit; null while unassigned'),
  unitName: NullableText('Its name'),
  deadline: Type.Union([CalendarDate('Deadline'), Type.Null()]),
  points: Type.Union([Type.Number(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  evidence: NullableText('Evidence'),
  status: Type.Union(
    DTI_ITEM_STATUSES.map((status) => Type.Literal(status)),
    { description: 'unassigned, assigned, overdue (deadline passed, nothing entered) or submitted' },
  ),
  submittedBy: NullableText('Who entered the value'),
  submittedAt: Type.Union([DateTimeView('When'), Type.Null()]),
  sample: Type.Boolean({ description: 'Sample data (Dữ liệu mẫu)' }),
});
/** An item of a campaign. */
export type DtiCampaignItemView = Static<typeof DtiCampaignItemView>;

/** A campaign: its items, progress and the city's estimate with the year's method. */
export const DtiCampaignView = Type.Object({
  year: Type.Integer(),
  title: Type.String(),
  sample: Type.Boolean(),
  method: Type.Object({
    code: Type.String(),
    decisionNumber: Type.String(),
    pointsStatus: DtiPointsStatus,
  }),
  asOf: CalendarDate('The date statuses are for'),
  items: Type.Array(DtiCampaignItemView),
  progress: Type.Object({
    items: Type.Integer({ description: 'Items of the method (main indices and components entered)' }),
    assigned: Type.Integer(),
    submitted: Type.Integer(),
    overdue: Type.Integer(),
  }),
  estimate: DtiScoreView,
});
/** A campaign as presented. */
export type DtiCampaignView = Static<typeof DtiCampaignView>;

/** A campaign in a list. */
export const DtiCampaignSummary = Type.Object({
  year: Type.Integer(),
  title: Type.String(),
  methodCode: Type.String(),
  sample: Type.Boolean(),
});

/** Path of a campaign. */
export const DtiCampaignParams = Type.Object({ year: DtiYear });
/** Path of one item of a campaign. */
export const DtiCampaignItemParams = Type.Object({ year: DtiYear, item: DtiItemCode });
