import type { Catalog } from '../catalog/index.js';
import type { Identity } from '../identity/index.js';
import type { Registry } from '../registry/index.js';
import { holdsSteeringSample, type Steering } from '../steering/index.js';

/** The parts whose sample data the platform may hold. */
export interface SampleParts {
  readonly registry: Registry;
  readonly catalog: Catalog;
  readonly identity: Identity;
  readonly steering: Steering;
}

/**
 * Whether any part still holds sample data, so the console can say so and how to remove it. Each part
 * answers for its own tables: one line per part.
 */
export function sampleDataPresence(parts: SampleParts): () => Promise<boolean> {
  const checks: readonly (() => Promise<boolean>)[] = [
    () => parts.registry.holdsSample(),
    () => parts.catalog.holdsSample(),
    () => parts.identity.holdsSampleUsers(),
    () => holdsSteeringSample(parts.steering.context),
  ];
  return async () => {
    for (const check of checks) if (await check()) return true;
    return false;
  };
}
