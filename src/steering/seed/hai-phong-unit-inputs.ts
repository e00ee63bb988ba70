import { HAI_PHONG_AGENCIES_2025, HAI_PHONG_UNITS } from '../../core/index.js';
import type { UnitInput } from '../unit-schemas.js';
import {
  agencyNote,
  districtSuccessor,
  formerUnitInputs,
  newCommuneInputs,
} from './merged-city-unit-inputs.js';

const { city: CITY, departments: DEPARTMENTS, districts: DISTRICTS, dataStart: DATA_START } = HAI_PHONG_UNITS;
const organisationOf = (code: string): string => `VN-HP/GOV/${code}`;
const DISTRICT_LEVEL_END = 'Cấp huyện kết thúc hoạt động trên toàn quốc từ ngày 01/07/2025';
const MERGER = '2025-07-01';
const AGENCIES = new Map(HAI_PHONG_AGENCIES_2025.departments.map((agency) => [agency.code, agency]));

/**
 * Hải Phòng's units as inputs, through the merger of 2025-07-01, in an order where every successor and
 * parent exists before the units pointing at it: the city, the departments that remain (the agencies of
 * the merged city), the merged ones, the 114 communes of 2025-07-01, the districts' renamed successors,
 * the districts, then Hải Dương's units and the former communes of both provinces. The city and its
 * agencies keep their codes across the merger and carry a `reorganised` event. Units the registry seeds
 * as organisations carry their organisation id.
 */
export function haiPhongUnitInputs(): UnitInput[] {
  const city: UnitInput = {
    id: CITY.code,
    name: CITY.name,
    kind: 'city',
    adminCode: CITY.adminCode,
    validFrom: DATA_START,
    organisationId: organisationOf(CITY.code),
    events: [
      {
        kind: 'reorganised',
        date: MERGER,
        note: 'Hợp nhất tỉnh Hải Dương và thành phố Hải Phòng thành thành phố Hải Phòng, giữ mã 31 (NQ 202/2025/QH15)',
      },
    ],
  };
  const names = new Map(DEPARTMENTS.map((d) => [d.code, d.name]));
  const department = (d: (typeof DEPARTMENTS)[number]): UnitInput => {
    const agency = AGENCIES.get(d.code);
    return {
      id: d.code,
      name: d.name,
      kind: 'department',
      parentId: CITY.code,
      validFrom: d.validFrom,
      ...(d.validTo === undefined ? { organisationId: organisationOf(d.code) } : { validTo: d.validTo }),
      ...(d.mergedInto === undefined ? {} : { successorId: d.mergedInto }),
      events: [
        ...(d.validFrom > DATA_START
          ? [{ kind: 'created' as const, date: d.validFrom, note: 'Thành lập trên cơ sở hợp nhất các sở' }]
          : []),
        ...(d.mergedInto === undefined
          ? []
          : [
              {
                kind: 'merged' as const,
                date: '2025-03-01',
                successorId: d.mergedInto,
                note: `Hợp nhất vào ${names.get(d.mergedInto)}`,
              },
            ]),
        ...(agency === undefined
          ? []
          : [
              {
                kind: 'reorganised' as const,
                date: MERGER,
                note: `Tổ chức lại trên cơ sở hợp nhất với ${
                  agency.replaces
                    .filter((r) => r.formerProvince !== 'Hải Phòng' && r.name !== null)
                    .map((r) => r.name)
                    .join(', ') || 'cơ quan tương ứng của tỉnh Hải Dương (chưa xác định)'
                }: ${HAI_PHONG_AGENCIES_2025.establishedBy.what}`.slice(0, 1000),
              },
            ]),
      ],
      ...(agency === undefined ? {} : { note: agencyNote(agency) }),
    };
  };
  const remaining = DEPARTMENTS.filter((d) => d.mergedInto === undefined).map(department);
  const merged = DEPARTMENTS.filter((d) => d.mergedInto !== undefined).map(department);
  const abolished = { kind: 'abolished' as const, date: '2025-07-01', note: DISTRICT_LEVEL_END };
  const successors = DISTRICTS.flatMap((d): UnitInput[] =>
    d.renamedTo === undefined
      ? []
      : [
          {
            id: d.renamedTo.code,
            name: d.renamedTo.name,
            kind: 'district',
            adminCode: d.adminCode,
            parentId: CITY.code,
            validFrom: d.renamedTo.validFrom,
            validTo: d.renamedTo.validTo,
            organisationId: organisationOf(d.renamedTo.code),
            events: [
              {
                kind: 'created',
                date: d.renamedTo.validFrom,
                previousName: d.name,
                note: `Đổi tên từ ${d.name} (${d.renamedTo.basis})`,
              },
              abolished,
            ],
          },
        ],
  );
  const districts = DISTRICTS.map(
    (d): UnitInput => ({
      id: d.code,
      name: d.name,
      kind: 'district',
      adminCode: d.adminCode,
      parentId: CITY.code,
      validFrom: DATA_START,
      validTo: d.validTo,
      ...(d.renamedTo === undefined
        ? { organisationId: organisationOf(d.code), ...districtEnd(d.adminCode) }
        : {
            successorId: d.renamedTo.code,
            events: [
              {
                kind: 'renamed',
                date: d.renamedTo.validFrom,
                successorId: d.renamedTo.code,
                previousName: d.name,
                note: `Trở thành ${d.renamedTo.name} (${d.renamedTo.basis})`,
              },
            ],
          }),
    }),
  );
  return [
    city,
    ...remaining,
    ...merged,
    ...newCommuneInputs(),
    ...successors,
    ...districts,
    ...formerUnitInputs(),
  ];
}

// A district ends with the district level, unless it went whole into one new unit (Bạch Long Vĩ).
function districtEnd(adminCode: string): Pick<UnitInput, 'successorId' | 'events'> {
  const successor = districtSuccessor(adminCode);
  if (successor === undefined) {
    return { events: [{ kind: 'abolished', date: MERGER, note: DISTRICT_LEVEL_END }] };
  }
  return {
    successorId: successor.code,
    events: [
      {
        kind: 'merged',
        date: MERGER,
        successorId: successor.code,
        whole: true,
        note: `Trở thành ${successor.name} (NQ 1669/NQ-UBTVQH15, khoản ${successor.nq1669Clause})`,
      },
    ],
  };
}
