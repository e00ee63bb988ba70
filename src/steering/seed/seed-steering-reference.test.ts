import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/dialects.js';
import { createStore, type Store } from '../../store/index.js';
import { createSteering } from '../create-steering.js';
import { HAI_PHONG_DTI_PUBLISHED } from '../dti/hai-phong-dti-published.js';
import {
  auditCount,
  countRows,
  createSteeringFixture,
  DIALECTS,
  SECRETARIAT,
  type SteeringFixture,
} from '../test-support/steering-fixtures.js';
import { haiPhongUnitInputs } from './hai-phong-unit-inputs.js';
import { seedSteeringReference } from './seed-steering-reference.js';

const PLATFORM = { id: 'system:platform', remoteAddress: null };
const PUBLISHED_YEARS = Object.keys(HAI_PHONG_DTI_PUBLISHED).map(Number);

async function unitCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('steering_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe(`the steering reference data on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('loads the units, beside the DTI methods of the migrations, and the published results with their marks', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const { steering } = fx;
      const loaded = await seedSteeringReference(steering, PLATFORM);
      expect(loaded).toEqual({ units: haiPhongUnitInputs().length, dtiPublishedYears: PUBLISHED_YEARS });
      expect(await steering.units.list('2026-01-01', { level: 'commune' })).toHaveLength(114);
      expect(await steering.units.list('2024-06-30', { level: 'district' })).toHaveLength(15);
      expect((await steering.units.get('STP', '2026-01-01')).note).toMatch(/^Suy luận, chưa xác minh/);
      expect((await steering.units.get('11383', '2026-01-01')).note).toContain('(đã xác minh)');
      expect((await steering.dti.list()).map((method) => method.code)).toEqual(['QD-922', 'QD-405']);
      const published = await steering.dti.published();
      expect(published.map((p) => [p.year, p.verified, p.sample])).toEqual(
        PUBLISHED_YEARS.map((year) => [year, year !== 2021, false]),
      );
      // Reference data only: no sample of any kind.
      expect(await steering.tasks.list()).toEqual([]);
      expect(await steering.dti.campaigns.list()).toEqual([]);
    });

    it('adds nothing and writes nothing on a second load, and keeps what an operator corrected', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const { steering, store } = fx;
      await seedSteeringReference(steering, PLATFORM);
      await steering.dti.putPublished(SECRETARIAT, 2021, { rank: 16, verified: true, note: 'Đã đối chiếu' });
      const audits = await countRows(store, 'audit_events');
      expect(await seedSteeringReference(steering, PLATFORM)).toEqual({ units: 0, dtiPublishedYears: [] });
      expect(await countRows(store, 'audit_events')).toBe(audits);
      expect(await unitCount(store)).toBe(haiPhongUnitInputs().length);
      expect((await steering.dti.published()).find((p) => p.year === 2021)).toMatchObject({
        verified: true,
        total: null,
        note: 'Đã đối chiếu',
      });
      expect(await auditCount(store.db, 'steering.dti.published.put')).toBe(PUBLISHED_YEARS.length + 1);
    });
  });
}

// Several nodes share one database only on PostgreSQL; SQLite is one node's own file.
describe('the steering reference data of a cluster on postgres', () => {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('loads once when two nodes start together on one database', async () => {
    const location = await createTestDatabase('postgres');
    const stores = [createStore(location), createStore(location)];
    opened.push(...stores);
    for (const store of stores) await store.migrate();
    const [first, second] = await Promise.all(
      stores.map((store) => seedSteeringReference(createSteering({ store }), PLATFORM)),
    );
    // Both starts go on; the units are one node's batch, whichever node wrote it.
    expect(first!.units + second!.units).toBe(haiPhongUnitInputs().length);
    expect(await unitCount(stores[0]!)).toBe(haiPhongUnitInputs().length);
    expect(await createSteering({ store: stores[1]! }).dti.published()).toHaveLength(PUBLISHED_YEARS.length);
  });
});
