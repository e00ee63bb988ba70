import { describe, expect, it } from 'vitest';
import {
  HAI_PHONG_AGENCIES_2025,
  HAI_PHONG_COMMUNES_2025,
  isInferred,
  SAMPLE_MEMBER_COMMUNES,
} from './hai-phong-merged-city.js';
import { HAI_PHONG_UNITS } from './hai-phong-units.js';

describe("the merged city's reference data", () => {
  const { units, formerProvince } = HAI_PHONG_COMMUNES_2025;

  it('holds 114 units, 67 xã, 45 phường and 2 đặc khu, under distinct 5-digit codes', () => {
    expect(units).toHaveLength(114);
    const kinds = (kind: string) => units.filter((unit) => unit.kind === kind).length;
    expect([kinds('xa'), kinds('phuong'), kinds('dac-khu')]).toEqual([67, 45, 2]);
    expect(new Set(units.map((unit) => unit.code)).size).toBe(114);
    expect(units.every((unit) => /^\d{5}$/.test(unit.code))).toBe(true);
  });

  it('forms every unit from former units of known districts, 167 of Hải Phòng and 207 of Hải Dương', () => {
    const districts = new Set([
      ...HAI_PHONG_UNITS.districts.map((d) => d.adminCode),
      ...formerProvince.districts.map((d) => d.adminCode),
    ]);
    const former = units.flatMap((unit) => unit.mergedFrom);
    expect(former.every((fact) => districts.has(fact.districtCode))).toBe(true);
    const codes = (province: string) =>
      new Set(
        units
          .filter((unit) => unit.formerProvince === province)
          .flatMap((unit) => unit.mergedFrom.map((fact) => fact.oldCode))
          .filter((code) => code !== null),
      ).size;
    expect([codes('Hải Phòng'), codes('Hải Dương')]).toEqual([167, 207]);
    // A former unit is whole in one new unit, or in part in each it went to.
    const byCode = new Map<string, typeof former>();
    for (const fact of former) {
      if (fact.oldCode !== null) byCode.set(fact.oldCode, [...(byCode.get(fact.oldCode) ?? []), fact]);
    }
    for (const parts of byCode.values()) {
      expect(parts.length === 1 ? parts[0]!.whole : parts.every((part) => !part.whole)).toBe(true);
    }
  });

  it('lists the 13 agencies and the economic zones authority, keeping what is inferred marked so', () => {
    const agencies = HAI_PHONG_AGENCIES_2025.departments;
    expect(agencies.filter((agency) => agency.kind !== 'co-quan-truc-thuoc')).toHaveLength(13);
    expect(agencies.map((agency) => agency.code)).toContain('BQLKKT');
    expect(agencies.filter(isInferred).map((agency) => agency.code)).toEqual([
      'STP',
      'STC',
      'SCT',
      'SXD',
      'SYT',
      'SVHTTDL',
    ]);
    const current = HAI_PHONG_UNITS.departments.filter((d) => d.validTo === undefined).map((d) => d.code);
    expect(agencies.map((agency) => agency.code).sort()).toEqual([...current].sort());
  });

  it('picks sample members among the 114', () => {
    const codes = new Set(units.map((unit) => unit.code));
    expect(SAMPLE_MEMBER_COMMUNES.every((code) => codes.has(code))).toBe(true);
  });
});
