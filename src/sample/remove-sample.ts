import { rmSync } from 'node:fs';
import type { Catalog, CatalogSampleRemoval } from '../catalog/index.js';
import type { Identity } from '../identity/index.js';
import type { Registry, SampleRemoval } from '../registry/index.js';
import { removeSteeringSample, type Steering, type SteeringSampleRemoval } from '../steering/index.js';
import type { AuditActor, Store } from '../store/index.js';
import { sampleTokensFile } from './sample-tokens-file.js';
import { markSampleRemoved } from './sample-removed-mark.js';

/** The parts whose sample is removed, the store that keeps the mark, and the data directory of the tokens file. */
export interface SampleRemovalParts {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly steering: Steering;
  readonly identity: Identity;
  readonly registry: Registry;
  readonly dataDir: string;
}

/** The steps of the removal, in the order they run. */
export const SAMPLE_REMOVAL_STEPS = ['catalog', 'steering', 'users', 'registry', 'tokens-file'] as const;

/** One step of the removal. */
export type SampleRemovalStep = (typeof SAMPLE_REMOVAL_STEPS)[number];

/** What the removal deleted, per part. */
export interface SampleDataRemoval {
  readonly catalog: CatalogSampleRemoval;
  readonly steering: SteeringSampleRemoval;
  readonly users: number;
  readonly registry: SampleRemoval;
  /** Whether a sample tokens file was there to delete. */
  readonly tokensFile: boolean;
}

/**
 * Removes the sample data of every part, each part in its own transaction, in the order their links
 * allow: the catalog (its entries link sample services), steering, the sample users, then the registry's
 * systems, services, grants and credentials; then the sample tokens file. Organisations stay, and so do
 * the log's sample calls, since a chain is never edited (they carry the sample purpose code). The mark
 * that stops later starts from seeding again is written first: a removal cut short is finished by running
 * it again, never undone by a restart. `onStep` hears each step as it ends.
 */
export async function removeSampleData(
  parts: SampleRemovalParts,
  actor: AuditActor,
  onStep: (step: SampleRemovalStep, done: number, total: number) => void = () => {},
): Promise<SampleDataRemoval> {
  const total = SAMPLE_REMOVAL_STEPS.length;
  await markSampleRemoved(parts.store.db, Date.now());
  const catalog = await parts.catalog.removeSample(actor);
  onStep('catalog', 1, total);
  const steering = await removeSteeringSample(parts.steering.context, actor);
  onStep('steering', 2, total);
  const users = await parts.identity.removeSampleUsers(actor);
  onStep('users', 3, total);
  const registry = await parts.registry.removeSample(actor);
  onStep('registry', 4, total);
  const file = sampleTokensFile(parts.dataDir);
  let tokensFile = true;
  try {
    rmSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    tokensFile = false;
  }
  onStep('tokens-file', 5, total);
  return { catalog, steering, users, registry, tokensFile };
}
