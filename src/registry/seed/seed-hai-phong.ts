import {
  CangError,
  HAI_PHONG_COMMUNES_2025,
  HAI_PHONG_UNITS as units,
  SAMPLE_MEMBER_COMMUNES,
} from '../../core/index.js';
import type { AuditActor } from '../../store/index.js';
import type { Registry } from '../create-registry.js';
import type { OrganisationInput } from '../organisation-schemas.js';

/** What a seed run did, per organisation. */
export interface SeedResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * The organisations the sample data describes, on the map of the merged city (2025-07-01): the city;
 * the departments that remain, which are the city's agencies (those merged on 2025-03-01 are gone); a
 * sample of the 114 communes, wards and special zones under their official 5-digit codes
 * (SAMPLE_MEMBER_COMMUNES); and the districts as they stood just before the district level ended (a
 * renamed district under its new code and name), marked as ended on 2025-06-30, so the exchange's
 * history with them still reads.
 */
export function haiPhongOrganisations(): OrganisationInput[] {
  const city: OrganisationInput = {
    memberClass: 'GOV',
    code: units.city.code,
    name: units.city.name,
    adminCode: units.city.adminCode,
  };
  const departments = units.departments
    .filter((unit) => unit.validTo === undefined)
    .map((unit): OrganisationInput => ({ memberClass: 'GOV', code: unit.code, name: unit.name }));
  const communes = SAMPLE_MEMBER_COMMUNES.map((code): OrganisationInput => {
    const commune = HAI_PHONG_COMMUNES_2025.units.find((unit) => unit.code === code);
    if (commune === undefined) throw new Error(`No commune ${code} in the reference data`);
    return { memberClass: 'GOV', code, name: commune.name, adminCode: code };
  });
  const districts = units.districts.map((unit): OrganisationInput => {
    const current = unit.renamedTo ?? unit;
    return {
      memberClass: 'GOV',
      code: current.code,
      name: current.name,
      adminCode: unit.adminCode,
      validTo: current.validTo,
    };
  });
  return [city, ...departments, ...communes, ...districts];
}

/**
 * Registers Hải Phòng's city People's Committee, agencies, sample communes and ended districts as organisations
 * `{instance}/GOV/{code}`. Idempotent: an organisation that exists is left as it is (an operator may
 * have edited it).
 */
export async function seedHaiPhong(registry: Registry, actor: AuditActor): Promise<SeedResult> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const input of haiPhongOrganisations()) {
    const id = `${registry.instance}/${input.memberClass}/${input.code}`;
    try {
      await registry.organisations.create(actor, input);
      created.push(id);
    } catch (error) {
      if (!(error instanceof CangError && error.code === 'conflict')) throw error;
      existing.push(id);
    }
  }
  return { created, existing };
}
