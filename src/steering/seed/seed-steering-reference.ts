import { CangError } from '../../core/index.js';
import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';
import { HAI_PHONG_DTI_PUBLISHED } from '../dti/hai-phong-dti-published.js';
import { haiPhongUnitInputs } from './hai-phong-unit-inputs.js';

const RACE_CODES: ReadonlySet<string> = new Set(['conflict', 'validation-failed']);

/** What one reference load added: zero units and no year once everything is there. */
export interface SteeringReferenceSeedResult {
  readonly units: number;
  readonly dtiPublishedYears: readonly number[];
}

/**
 * Adds the units and published DTI results that are missing; what exists is left as it is (an operator
 * may have corrected it). Neither can be deleted, so nothing an operator removed comes back.
 */
async function addMissing(steering: Steering, actor: AuditActor): Promise<SteeringReferenceSeedResult> {
  const { db } = steering.context;
  const units = new Set((await db.selectFrom('steering_units').select('id').execute()).map((r) => r.id));
  const missing = haiPhongUnitInputs().filter((input) => !units.has(input.id));
  if (missing.length > 0) await steering.units.createMany(actor, missing);
  const known = new Set((await steering.dti.published()).map((p) => p.year));
  const dtiPublishedYears: number[] = [];
  for (const [year, input] of Object.entries(HAI_PHONG_DTI_PUBLISHED)) {
    if (known.has(Number(year))) continue;
    await steering.dti.putPublished(actor, Number(year), input);
    dtiPublishedYears.push(Number(year));
  }
  return { units: missing.length, dtiPublishedYears };
}

/**
 * Loads the steering workspace's reference data, which every install holds, sample or not: Hải Phòng's
 * units with their history through the merger of 2025-07-01 (the 114 communes, wards and special zones,
 * the districts and communes before them, the departments and the agencies of the merged city), and the
 * city's published DTI results, each with its own mark of what is verified. The DTI methods (QĐ 922, QĐ
 * 405) come with the store's migrations. Runs on every start and adds only what is missing, so an
 * install that predates it gets the data on its next start.
 */
export async function seedSteeringReference(
  steering: Steering,
  actor: AuditActor,
): Promise<SteeringReferenceSeedResult> {
  // Nodes starting together on one PostgreSQL race: the loser of a row is refused (`conflict` while the
  // winner's row is uncommitted, `validation-failed` "already exists" once it is) and looks again. Each
  // refusal means another node wrote a row, so this ends within one look more than there are writes (the
  // units' batch and each year); a refusal of the data itself comes back on every look and is thrown.
  const looks = 2 + Object.keys(HAI_PHONG_DTI_PUBLISHED).length;
  for (let look = 1; ; look += 1) {
    try {
      return await addMissing(steering, actor);
    } catch (error) {
      if (look === looks || !(error instanceof CangError && RACE_CODES.has(error.code))) throw error;
    }
  }
}
