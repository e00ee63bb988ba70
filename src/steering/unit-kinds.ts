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
