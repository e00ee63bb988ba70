/** Kinds of steering unit (the district level ends on 2025-07-01). */
export const UNIT_KINDS = ['city', 'department', 'district', 'commune'] as const;

/** A kind of steering unit. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** How a report or a workbook names a kind of unit. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  city: 'Thành phố',
  department: 'Sở, ngành',
  district: 'Quận, huyện',
  commune: 'Xã, phường',
};

/** The Vietnamese label of a unit's kind; an unknown kind as it is. */
export const unitKindLabel = (kind: string): string => UNIT_KIND_LABELS[kind as UnitKind] ?? kind;

/** The first day of the commune level in the steering workspace: the district level ends the day before. */
export const COMMUNE_LEVEL_FROM = '2025-07-01';

/**
 * When a kind of unit takes part in steering (committees, plans, reports, rankings): districts until
 * 2025-06-30, communes from 2025-07-01, the others always. The communes of before stay in the unit
 * history as predecessors, but were never asked for committees, plans or reports.
 */
export const STEERING_SPANS: Readonly<
  Partial<Record<UnitKind, { readonly from?: string; readonly to?: string }>>
> = {
  district: { to: '2025-06-30' },
  commune: { from: COMMUNE_LEVEL_FROM },
};

/**
 * Why a district or a commune may not report or hold a value for a period that straddles the switch of
 * levels on 2025-07-01, or undefined: 2025 is reported per half, districts for 2025-H1 and communes for
 * 2025-H2, each against the target of its level, so a year or a month range across the switch is neither's.
 */
export function levelSwitchProblem(kind: string, period: { readonly start: string; readonly end: string }) {
  if (kind !== 'district' && kind !== 'commune') return undefined;
  if (!(period.start < COMMUNE_LEVEL_FROM && COMMUNE_LEVEL_FROM <= period.end)) return undefined;
  return kind === 'district'
    ? 'the district level ended on 2025-06-30: a district reports up to 2025-H1'
    : 'the commune level began on 2025-07-01: a commune reports from 2025-H2';
}
