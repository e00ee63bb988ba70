import {
  type CommuneFact,
  type FormerUnitFact,
  HAI_PHONG_AGENCIES_2025,
  HAI_PHONG_COMMUNES_2025,
  HAI_PHONG_UNITS,
  isInferred,
  SAMPLE_MEMBER_COMMUNES,
} from '../../core/index.js';
import type { UnitInput } from '../unit-schemas.js';

const { city: CITY, districts: HP_DISTRICTS, dataStart: DATA_START } = HAI_PHONG_UNITS;
const { formerProvince: HAI_DUONG, units: COMMUNES, validFrom: MERGER } = HAI_PHONG_COMMUNES_2025;
const LAST_DAY = '2025-06-30';
const organisationOf = (code: string): string => `VN-HP/GOV/${code}`;
const MEMBERS: ReadonlySet<string> = new Set(SAMPLE_MEMBER_COMMUNES);
const HAI_DUONG_NAME = 'Hải Dương';

const AS_OF_MERGER =
  'Ghi nhận theo hiện trạng ngày 30/06/2025 (danh mục dvhcvn); thời điểm thành lập và các thay đổi trước đó chưa được ghi nhận';

/** The note of an agency: the data's own mark of what is verified and what is inferred, kept verbatim. */
export function agencyNote(fact: { readonly verified: string }): string {
  return isInferred(fact) ? `Suy luận, chưa xác minh — ${fact.verified}` : `Đã xác minh — ${fact.verified}`;
}

/** Hải Phòng's district as it stood on 2025-06-30 (a renamed district under its new code), by admin code. */
function districtIdOf(adminCode: string): string {
  const hp = HP_DISTRICTS.find((d) => d.adminCode === adminCode);
  if (hp !== undefined) return hp.renamedTo?.code ?? hp.code;
  const hd = HAI_DUONG.districts.find((d) => d.adminCode === adminCode);
  if (hd === undefined) throw new Error(`No district ${adminCode} in the reference data`);
  return hd.code;
}

/**
 * The id of a former commune-level unit: its kind word's initials and its former 5-digit code
 * (P-11560 Phường Thủy Đường). The bare code is not free: a new unit often reuses the code of one of
 * the units it was formed from (Phường Thủy Nguyên is 11560), and a code never changes meaning here.
 */
export function formerCommuneId(fact: Pick<FormerUnitFact, 'name' | 'oldCode'>): string {
  const prefix = fact.name.startsWith('Thị trấn ') ? 'TT' : fact.name.startsWith('Phường ') ? 'P' : 'X';
  return `${prefix}-${fact.oldCode}`;
}

const KIND_NAMES: Readonly<Record<string, string>> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu' };

function communeInput(fact: CommuneFact): UnitInput {
  return {
    id: fact.code,
    name: fact.name,
    kind: 'commune',
    adminCode: fact.code,
    parentId: CITY.code,
    validFrom: MERGER,
    ...(MEMBERS.has(fact.code) ? { organisationId: organisationOf(fact.code) } : {}),
    note: `Đơn vị hành chính cấp ${KIND_NAMES[fact.kind] ?? fact.kind}, ${HAI_PHONG_COMMUNES_2025.basis} Điều 1 khoản ${fact.nq1669Clause}; mã theo CV 1027/CTK-CSCL (đã xác minh)`,
    events: [
      {
        kind: 'created',
        date: MERGER,
        note: `Thành lập trên cơ sở sắp xếp ${fact.mergedFrom.length} đơn vị (${HAI_PHONG_COMMUNES_2025.basis}, khoản ${fact.nq1669Clause})`,
      },
    ],
  };
}

/** Every former commune-level unit once, with each new unit it went to (whole, or a part of it). */
function formerCommunes(): Map<string, { fact: FormerUnitFact; successors: CommuneFact[] }> {
  const found = new Map<string, { fact: FormerUnitFact; successors: CommuneFact[] }>();
  for (const commune of COMMUNES) {
    for (const fact of commune.mergedFrom) {
      if (fact.oldCode === null) continue; // a former district (Bạch Long Vĩ), recorded with the districts
      const entry = found.get(fact.oldCode) ?? { fact, successors: [] };
      entry.successors.push(commune);
      found.set(fact.oldCode, entry);
    }
  }
  return found;
}

function formerCommuneInput(fact: FormerUnitFact, successors: readonly CommuneFact[]): UnitInput {
  const whole = successors.length === 1 && fact.whole;
  return {
    id: formerCommuneId(fact),
    name: fact.name,
    kind: 'commune',
    adminCode: fact.oldCode!,
    parentId: districtIdOf(fact.districtCode),
    validFrom: DATA_START,
    validTo: LAST_DAY,
    ...(whole ? { successorId: successors[0]!.code } : {}),
    note: AS_OF_MERGER,
    events: successors.map((successor) => ({
      kind: 'merged' as const,
      date: MERGER,
      successorId: successor.code,
      whole: fact.whole,
      note: `${fact.whole ? 'Nhập toàn bộ' : 'Nhập một phần'} vào ${successor.name} (${HAI_PHONG_COMMUNES_2025.basis}, khoản ${successor.nq1669Clause}); ${fact.whole ? '' : 'tỷ lệ chưa được ghi nhận'}`.replace(
        /; $/,
        '',
      ),
    })),
  };
}

/** Hải Dương's province, departments and districts as they stood on 2025-06-30. */
function haiDuongInputs(): UnitInput[] {
  const province: UnitInput = {
    id: HAI_DUONG.code,
    name: HAI_DUONG.name,
    kind: 'city',
    adminCode: HAI_DUONG.adminCode,
    validFrom: DATA_START,
    validTo: LAST_DAY,
    successorId: CITY.code,
    note: AS_OF_MERGER,
    events: [
      {
        kind: 'merged',
        date: MERGER,
        successorId: CITY.code,
        note: 'Hợp nhất với thành phố Hải Phòng thành thành phố Hải Phòng (NQ 202/2025/QH15)',
      },
    ],
  };
  const departments = HAI_PHONG_AGENCIES_2025.departments.flatMap((agency): UnitInput[] =>
    agency.replaces
      .filter((d) => d.formerProvince === HAI_DUONG_NAME && d.name !== null && d.code !== undefined)
      .map((d) => ({
        id: d.code!,
        name: d.name!,
        kind: 'department',
        parentId: HAI_DUONG.code,
        validFrom: d.validFrom ?? DATA_START,
        validTo: LAST_DAY,
        successorId: agency.code,
        note: [d.validFrom == null ? AS_OF_MERGER : undefined, d.via, agencyNote(agency)]
          .filter((part) => part !== undefined)
          .join('; '),
        events: [
          ...(d.validFrom == null
            ? []
            : [
                { kind: 'created' as const, date: d.validFrom, note: 'Thành lập trên cơ sở hợp nhất các sở' },
              ]),
          {
            kind: 'merged' as const,
            date: MERGER,
            successorId: agency.code,
            note: `Hợp nhất vào ${agency.name} thành phố Hải Phòng (${HAI_PHONG_AGENCIES_2025.establishedBy.note})`,
          },
        ],
      })),
  );
  const districts = HAI_DUONG.districts.map(
    (d): UnitInput => ({
      id: d.code,
      name: d.name,
      kind: 'district',
      adminCode: d.adminCode,
      parentId: HAI_DUONG.code,
      validFrom: DATA_START,
      validTo: LAST_DAY,
      note: AS_OF_MERGER,
      events: [
        {
          kind: 'abolished',
          date: MERGER,
          note: 'Cấp huyện kết thúc hoạt động trên toàn quốc từ ngày 01/07/2025',
        },
      ],
    }),
  );
  return [province, ...departments, ...districts];
}

/** The 114 communes, wards and special zones of 2025-07-01 (NQ 1669/NQ-UBTVQH15). */
export function newCommuneInputs(): UnitInput[] {
  return COMMUNES.map(communeInput);
}

/**
 * The predecessors the merger of 2025-07-01 adds, after the new units and Hải Phòng's districts they
 * point at: Hải Dương's province, departments and districts, then the former communes of both provinces.
 */
export function formerUnitInputs(): UnitInput[] {
  const former = [...formerCommunes().values()]
    .sort((a, b) => a.fact.oldCode!.localeCompare(b.fact.oldCode!))
    .map(({ fact, successors }) => formerCommuneInput(fact, successors));
  return [...haiDuongInputs(), ...former];
}

/** The new unit a former district without communes became whole (Huyện Bạch Long Vĩ → Đặc khu Bạch Long Vĩ). */
export function districtSuccessor(adminCode: string): CommuneFact | undefined {
  return COMMUNES.find((commune) =>
    commune.mergedFrom.some((fact) => fact.oldCode === null && fact.districtCode === adminCode),
  );
}
