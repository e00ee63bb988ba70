import units from './haiphong-units.json' with { type: 'json' };

/** A department (sở, ban, ngành) and, for those merged on 2025-03-01, its successor. */
export interface DepartmentFact {
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly mergedInto?: string;
  readonly note?: string;
}

/** A district; a renamed one names the unit it became and the act that renamed it. */
export interface DistrictFact {
  readonly adminCode: string;
  readonly code: string;
  readonly name: string;
  readonly validTo: string;
  readonly renamedTo?: {
    readonly code: string;
    readonly name: string;
    readonly validFrom: string;
    readonly validTo: string;
    readonly basis: string;
  };
  readonly note?: string;
}

/** Hải Phòng's administrative units 2021 – mid-2025 with the 2025 reorganisations. */
export interface HaiPhongUnits {
  /** First day of the data: units with no known start are taken to exist from then. */
  readonly dataStart: string;
  readonly city: { readonly code: string; readonly adminCode: string; readonly name: string };
  readonly departments: readonly DepartmentFact[];
  readonly districts: readonly DistrictFact[];
}

/**
 * The reference data of haiphong-units.json, the one source of the sample organisations (registry)
 * and steering units; it sits in core because both parts read it. The short codes are sample
 * mnemonics, not the official QĐ 20/2020/QĐ-TTg codes.
 */
export const HAI_PHONG_UNITS: HaiPhongUnits = units;
