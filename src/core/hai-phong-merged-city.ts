import communes from './haiphong-communes-2025.json' with { type: 'json' };
import departments from './haiphong-departments-2025.json' with { type: 'json' };

/** A former unit a new commune was formed from, whole or in part, by its former 5-digit code. */
export interface FormerUnitFact {
  readonly name: string;
  /** Null for a former district with no commune-level unit (Huyện Bạch Long Vĩ). */
  readonly oldCode: string | null;
  readonly districtCode: string;
  readonly whole: boolean;
}

/** A commune-level unit (xã, phường, đặc khu) of the merged city from 2025-07-01. */
export interface CommuneFact {
  /** The official 5-digit code (CV 1027/CTK-CSCL). */
  readonly code: string;
  readonly name: string;
  readonly kind: string; // xa | phuong | dac-khu
  readonly formerProvince: string;
  readonly nq1669Clause: number;
  readonly mergedFrom: readonly FormerUnitFact[];
}

/** A district of Hải Dương as it stood on 2025-06-30, with a sample mnemonic. */
export interface FormerDistrictFact {
  readonly adminCode: string;
  readonly code: string;
  readonly name: string;
}

/** The 114 commune-level units of 2025-07-01, the former province and what is verified. */
export interface HaiPhongCommunes {
  readonly about: string;
  readonly validFrom: string;
  readonly basis: string;
  readonly formerProvince: {
    readonly code: string;
    readonly adminCode: string;
    readonly name: string;
    readonly note: string;
    readonly districts: readonly FormerDistrictFact[];
  };
  readonly verified: string;
  readonly units: readonly CommuneFact[];
}

/** A department one of the merged city's agencies replaced. */
export interface ReplacedDepartmentFact {
  readonly formerProvince: string;
  /** Null where the data did not find the department. */
  readonly name: string | null;
  /** Hải Phòng's own mnemonic, or a sample mnemonic `…-HD` for Hải Dương's. */
  readonly code?: string;
  /** Hải Dương's: null when only its state on 2025-06-30 is known. */
  readonly validFrom?: string | null;
  readonly via?: string;
  readonly note?: string;
}

/** One of the agencies of 2025-07-01, with what replaced it and how far that is verified. */
export interface AgencyFact {
  readonly code: string;
  readonly name: string;
  readonly kind: string; // co-quan-chuyen-mon | so | co-quan-truc-thuoc
  readonly validFrom: string;
  readonly replaces: readonly ReplacedDepartmentFact[];
  /** The data's own mark: a source when verified, "inferred: …" when not. */
  readonly verified: string;
  readonly basis?: string;
}

/** The agencies of the merged city from 2025-07-01. */
export interface HaiPhongAgencies {
  readonly about: string;
  readonly establishedBy: { readonly what: string; readonly number: string | null; readonly note: string };
  readonly departments: readonly AgencyFact[];
  readonly verified: string;
}

/**
 * The merged city of 2025-07-01 (NQ 202/2025/QH15, NQ 1669/NQ-UBTVQH15): its 114 communes, wards and
 * special zones with the former units each was formed from, Hải Dương's province and districts, and the
 * agencies with the departments they replaced. Read by the steering seed (units) and the registry seed
 * (organisations), like HAI_PHONG_UNITS.
 */
export const HAI_PHONG_COMMUNES_2025: HaiPhongCommunes = communes;

/** The agencies of the merged city from 2025-07-01 and the departments of both provinces they replaced. */
export const HAI_PHONG_AGENCIES_2025: HaiPhongAgencies = departments;

/** Whether the data marks an agency's place in the list as inferred rather than verified. */
export const isInferred = (fact: Pick<AgencyFact, 'verified'>): boolean =>
  fact.verified.startsWith('inferred');

/**
 * The communes, wards and special zones the sample data registers as exchange members (a sample
 * choice, not a fact): the old city's centre, both provinces' former seats, an island special zone and
 * rural communes of both former provinces.
 */
export const SAMPLE_MEMBER_COMMUNES: readonly string[] = [
  '11311', // Phường Hồng Bàng
  '11329', // Phường Ngô Quyền
  '11383', // Phường Lê Chân
  '11560', // Phường Thủy Nguyên
  '11914', // Đặc khu Cát Hải
  '10525', // Phường Hải Dương
  '11629', // Xã An Lão
  '10606', // Xã Nam Sách
];
