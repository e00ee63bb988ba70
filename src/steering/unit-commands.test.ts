import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { seedSteeringSample } from './seed/seed-steering-sample.js';
import { createSteeringFixture, type SteeringFixture } from './test-support/steering-fixtures.js';

for (const dialect of DIALECTS) {
  describe(`steering units on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('lists the names valid on a date: 2022, after the renames, after the mergers, after the districts', async () => {
      fx = await createSteeringFixture(dialect);
      const names = async (asOf: string) =>
        new Map((await fx!.steering.units.list(asOf)).map((unit) => [unit.id, unit.name]));
      const in2022 = await names('2022-06-30');
      expect(in2022.get('H-THUYNGUYEN')).toBe('Huyện Thủy Nguyên');
      expect(in2022.get('STTTT')).toBe('Sở Thông tin và Truyền thông');
      expect(in2022.has('TP-THUYNGUYEN')).toBe(false);
      expect(in2022.has('SNNMT')).toBe(false);
      const feb2025 = await names('2025-02-01');
      expect(feb2025.get('TP-THUYNGUYEN')).toBe('Thành phố Thủy Nguyên');
      expect(feb2025.get('Q-ANDUONG')).toBe('Quận An Dương');
      expect(feb2025.has('H-THUYNGUYEN')).toBe(false);
      expect(feb2025.has('STTTT')).toBe(true);
      const apr2025 = await names('2025-04-01');
      expect(apr2025.has('STTTT')).toBe(false);
      expect(apr2025.get('SVHTTDL')).toBe('Sở Văn hóa, Thể thao và Du lịch');
      const aug2025 = await fx.steering.units.list('2025-08-01');
      expect(aug2025.some((unit) => unit.kind === 'district')).toBe(false);
      expect(aug2025[0]!.id).toBe('UBND-HP');
    });

    it('reads a merged unit’s history under its successor, and a renamed district’s under its new code', async () => {
      fx = await createSteeringFixture(dialect);
      const science = await fx.steering.units.history('SKHCN');
      expect(science.predecessors.map((unit) => unit.id)).toEqual(['SKHCN-HD', 'STTTT']);
      expect(science.events).toContainEqual(
        expect.objectContaining({
          unitId: 'STTTT',
          kind: 'merged',
          date: '2025-03-01',
          successorId: 'SKHCN',
        }),
      );
      const thuyNguyen = await fx.steering.units.history('TP-THUYNGUYEN');
      expect(thuyNguyen.events.map((event) => [event.unitId, event.kind, event.date])).toEqual([
        ['H-THUYNGUYEN', 'renamed', '2025-01-01'],
        ['TP-THUYNGUYEN', 'created', '2025-01-01'],
        ['TP-THUYNGUYEN', 'abolished', '2025-07-01'],
      ]);
      const agriculture = await fx.steering.units.history('SNNMT');
      expect(agriculture.predecessors.map((unit) => unit.id).sort()).toEqual([
        'SNNMT-HD',
        'SNNPTNT',
        'STNMT',
      ]);
    });

    it('tells whether a unit exists on a date', async () => {
      fx = await createSteeringFixture(dialect);
      expect(await fx.steering.units.isActive('STTTT', '2025-02-28')).toBe(true);
      expect(await fx.steering.units.isActive('STTTT', '2025-03-01')).toBe(false);
      expect(await fx.steering.units.isActive('NOPE', '2025-03-01')).toBe(false);
      const unit = await fx.steering.units.get('STTTT', '2022-01-01');
      expect(unit).toMatchObject({
        active: true,
        successorId: 'SKHCN',
        validTo: '2025-02-28',
        organisationId: null,
      });
      await expect(fx.steering.units.get('NOPE')).rejects.toMatchObject({ code: 'not-found' });
      await expect(fx.steering.units.list('2025-02-30')).rejects.toMatchObject({ code: 'validation-failed' });
    });

    it('seeds idempotently: a second run creates nothing', async () => {
      fx = await createSteeringFixture(dialect);
      const again = await seedSteeringSample(fx.steering, { id: 'system:seed' });
      expect(again).toEqual({
        documents: 0,
        committees: 0,
        committeeRecords: 0,
        programs: 0,
        groups: 0,
        tasks: 0,
        reports: 0,
      });
      const tasks = await fx.steering.tasks.list();
      expect(tasks.length).toBeGreaterThanOrEqual(30);
      expect(tasks.every((task) => task.sample)).toBe(true);
    });

    it('records the 2025 consolidation under Resolution 57 with its number and members unconfirmed', async () => {
      fx = await createSteeringFixture(dialect);
      const [city] = (await fx.steering.committees.list('2026-01-01')).filter((c) => c.unitId === 'UBND-HP');
      const resolution57 = city!.decisions.at(-1)!;
      expect(resolution57).toMatchObject({ kind: 'consolidating', date: '2025-07-01', confirmed: false });
      expect(resolution57.note).toContain('Nghị quyết 57-NQ/TW');
      const active = city!.members.filter((m) => m.active);
      expect(active.length).toBeGreaterThan(0);
      expect(active.every((m) => !m.confirmed && m.from === '2025-07-01')).toBe(true);
      // The committee of QĐ 3820 as it stood on the last day before the merged city: all confirmed.
      const before = (await fx.steering.committees.get(city!.id, '2025-06-30')).members.filter(
        (m) => m.active,
      );
      expect(before.every((m) => m.confirmed)).toBe(true);
      expect(before.map((m) => m.role)).toContain('head');
    });

    it('keeps committee roles over time and lists units without committee or plan', async () => {
      fx = await createSteeringFixture(dialect);
      const [city] = (await fx.steering.committees.list('2024-06-01')).filter((c) => c.unitId === 'UBND-HP');
      const deputies = (asOf: typeof city) =>
        asOf!.members.filter((m) => m.role === 'deputy' && m.active).map((m) => m.personName);
      expect(deputies(city)).toEqual(['Giám đốc Sở Thông tin và Truyền thông']);
      expect(deputies(await fx.steering.committees.get(city!.id, '2025-04-01'))).toEqual([
        'Giám đốc Sở Khoa học và Công nghệ',
      ]);
      expect(city!.decisions.slice(0, 2).map((d) => d.number)).toEqual(['2830/QĐ-UBND', '3820/QĐ-UBND']);
      expect(city!.decisions.slice(0, 2).every((d) => d.confirmed)).toBe(true);
      const gaps = await fx.steering.gaps({ asOf: '2024-06-01' });
      const without = gaps.unitsWithoutCommittee.map((unit) => unit.id);
      expect(without).toContain('SNV');
      expect(without).not.toContain('UBND-HP');
      expect(without).not.toContain('Q-LECHAN');
      const noPlan = gaps.unitsWithoutPlan.map((unit) => unit.id);
      expect(noPlan).toContain('STC');
      expect(noPlan).not.toContain('SNV');
      expect(noPlan).not.toContain('UBND-HP');
    });
  });
}
