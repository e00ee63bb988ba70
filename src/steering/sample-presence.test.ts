import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { holdsSteeringSample } from './sample-presence.js';
import { createSteeringFixture, type SteeringFixture } from './test-support/steering-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`the steering sample's presence on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('answers false on a workspace that was never seeded', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      expect(await holdsSteeringSample(fx.steering.context)).toBe(false);
    });

    it('answers true once the sample is seeded, and false when no sample-marked row is left', async () => {
      fx = await createSteeringFixture(dialect);
      expect(await holdsSteeringSample(fx.steering.context)).toBe(true);
      const { db } = fx.store;
      // The seeded units and the city's real documents stay: only the sample marks decide.
      await db.updateTable('steering_tasks').set({ sample: 0 }).execute();
      await db.updateTable('steering_programs').set({ sample: 0 }).execute();
      await db.updateTable('steering_documents').set({ sample: 0 }).execute();
      expect(await holdsSteeringSample(fx.steering.context)).toBe(true); // the sample committees are left
      await db.updateTable('steering_committees').set({ sample: 0 }).execute();
      expect(await holdsSteeringSample(fx.steering.context)).toBe(false);
    });
  });
}
