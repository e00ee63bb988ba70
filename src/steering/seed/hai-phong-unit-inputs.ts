import { HAI_PHONG_UNITS } from '../../core/index.js';
import type { UnitInput } from '../unit-schemas.js';

const { city: CITY, departments: DEPARTMENTS, districts: DISTRICTS, dataStart: DATA_START } = HAI_PHONG_UNITS;
const organisationOf = (code: string): string => `VN-HP/GOV/${code}`;
const DISTRICT_LEVEL_END = 'Cấp huyện kết thúc hoạt động trên toàn quốc từ ngày 01/07/2025';

/**
 * Hải Phòng's units as inputs, in an order where every successor exists before its predecessors:
 * the city, the departments that remain, the merged ones, the districts' renamed successors, the
 * districts. Units the registry seeds as organisations carry their organisation id.
 */
export function haiPhongUnitInputs(): UnitInput[] {
  const city: UnitInput = {
    id: CITY.code,
    name: CITY.name,
    kind: 'city',
    adminCode: CITY.adminCode,
    validFrom: DATA_START,
    organisationId: organisationOf(CITY.code),
  };
  const names = new Map(DEPARTMENTS.map((d) => [d.code, d.name]));
  const department = (d: (typeof DEPARTMENTS)[number]): UnitInput => ({
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
    ],
  });
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
        ? { organisationId: organisationOf(d.code), events: [abolished] }
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
  return [city, ...remaining, ...merged, ...successors, ...districts];
}
