import { type Registry, type SeedResult, seedHaiPhong } from '../registry/index.js';
import {
  type Steering,
  seedDtiSample,
  seedIndicatorSample,
  seedSteeringSample,
  seedWorkingCalendarSample,
} from '../steering/index.js';
import type { AuditActor } from '../store/index.js';

/**
 * Loads the sample Hải Phòng data of the parts (idempotent) over the reference data every start loads
 * first (seedSteeringReference): organisations, then the steering workspace, indicators, the working
 * calendars of 2025 and 2026, and the DTI's 2025 campaign. The sample exchange, which needs the exchange
 * running, starts later (start-sample-exchange.ts).
 */
export async function seedSample(
  parts: { readonly registry: Registry; readonly steering: Steering },
  actor: AuditActor,
): Promise<SeedResult> {
  const organisations = await seedHaiPhong(parts.registry, actor);
  await seedSteeringSample(parts.steering, actor);
  await seedIndicatorSample(parts.steering.context, actor);
  await seedWorkingCalendarSample(parts.steering, actor);
  await seedDtiSample(parts.steering, actor);
  return organisations;
}
