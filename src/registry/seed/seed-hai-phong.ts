import { CangError, HAI_PHONG_UNITS as units } from '../../core/index.js';
import type { AuditActor } from '../../store/index.js';
import type { Registry } from '../create-registry.js';
import type { OrganisationInput } from '../organisation-schemas.js';

/** What a seed run did, per organisation. */
export interface SeedResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * The organisations the sample data describes. Departments: the current ones only (no `validTo`);
 * those merged on 2025-03-01 are gone. Districts: the district level ended on 2025-07-01, but the
 * districts are kept as they stood just before (a renamed district under its new code and name, with
 * its administrative code), because they make realistic exchange partners for demonstrations.
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
  const districts = units.districts.map((unit): OrganisationInput => {
    const current = unit.renamedTo ?? unit;
    return {
      memberClass: 'GOV',
      code: current.code,
      name: current.name,
      ...(unit.adminCode === undefined ? {} : { adminCode: unit.adminCode }),
    };
  });
  return [city, ...departments, ...districts];
}

/**
 * Registers Hải Phòng's city People's Committee, departments and districts as organisations
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
