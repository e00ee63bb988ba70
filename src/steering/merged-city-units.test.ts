import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import {
  countRows,
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';

/** The unit history through the merger with Hải Dương on 2025-07-01, on the seeded sample. */
for (const dialect of DIALECTS) {
  describe(`the merged city's units on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('lists the 114 communes, wards and special zones and the 14 agencies of 2026, each once', async () => {
      fx = await createSteeringFixture(dialect);
      const communes = await fx.steering.units.list('2026-01-01', { level: 'commune' });
      expect(communes).toHaveLength(114);
      expect(communes.every((unit) => /^\d{5}$/.test(unit.id) && unit.adminCode === unit.id)).toBe(true);
      const names = communes.map((unit) => unit.name);
      expect(names.filter((name) => name.startsWith('Xã '))).toHaveLength(67);
      expect(names.filter((name) => name.startsWith('Phường '))).toHaveLength(45);
      expect(names.filter((name) => name.startsWith('Đặc khu '))).toHaveLength(2);
      const agencies = await fx.steering.units.list('2026-01-01', { level: 'department' });
      expect(agencies.map((unit) => unit.id).sort()).toEqual([
        'BQLKKT',
        'SCT',
        'SGDDT',
        'SKHCN',
        'SNGV',
        'SNNMT',
        'SNV',
        'STC',
        'STP',
        'SVHTTDL',
        'SXD',
        'SYT',
        'TTTP',
        'VP-UBND',
      ]);
      // The data's own marks: inferred agencies say so, verified ones cite their source.
      expect(agencies.find((unit) => unit.id === 'STP')!.note).toMatch(/^Suy luận, chưa xác minh/);
      expect(agencies.find((unit) => unit.id === 'SKHCN')!.note).toMatch(/^Đã xác minh/);
      const cities = await fx.steering.units.list('2026-01-01', { level: 'city' });
      expect(cities.map((unit) => unit.id)).toEqual(['UBND-HP']);
      expect(await fx.steering.units.list('2026-01-01', { level: 'district' })).toEqual([]);
    });

    it("shows Hải Phòng's 15 districts of 2024, and Hải Dương's 12 only when asked", async () => {
      fx = await createSteeringFixture(dialect);
      const districts = await fx.steering.units.list('2024-06-30', { level: 'district' });
      expect(districts).toHaveLength(15);
      expect(districts.map((unit) => unit.id)).toContain('Q-LECHAN');
      expect(districts.map((unit) => unit.id)).not.toContain('TP-HAIDUONG');
      const both = await fx.steering.units.list('2024-06-30', {
        level: 'district',
        includeFormerProvinces: true,
      });
      expect(both).toHaveLength(27);
      expect(both.find((unit) => unit.id === 'TP-HAIDUONG')).toMatchObject({
        parentId: 'UBND-HD',
        adminCode: '288',
      });
      const provinces = await fx.steering.units.list('2024-06-30', {
        level: 'city',
        includeFormerProvinces: true,
      });
      expect(provinces.map((unit) => unit.id)).toEqual(['UBND-HP', 'UBND-HD']);
      // The former communes stood on 2025-06-30: 167 of Hải Phòng and 207 of Hải Dương.
      expect(await fx.steering.units.list('2025-06-30', { level: 'commune' })).toHaveLength(167);
      const allCommunes = await fx.steering.units.list('2025-06-30', {
        level: 'commune',
        includeFormerProvinces: true,
      });
      expect(allCommunes).toHaveLength(374);
    });

    it('reads a new ward’s history: its predecessors whole and in part, with no share recorded', async () => {
      fx = await createSteeringFixture(dialect);
      const leChan = await fx.steering.units.history('11383');
      expect(leChan.unit).toMatchObject({ name: 'Phường Lê Chân', validFrom: '2025-07-01', validTo: null });
      expect(leChan.predecessors).toHaveLength(8);
      const merged = leChan.events.filter(
        (event) => event.kind === 'merged' && event.successorId === '11383',
      );
      expect(merged).toHaveLength(8);
      expect(merged.filter((event) => event.whole === false)).toHaveLength(5);
      expect(merged.every((event) => event.date === '2025-07-01' && event.share === null)).toBe(true);
      // A split predecessor names no single successor; its events name each new unit it went to.
      const anBien = leChan.predecessors.find((unit) => unit.name === 'Phường An Biên')!;
      expect(anBien).toMatchObject({ successorId: null, validTo: '2025-06-30', parentId: 'Q-LECHAN' });
      const hangKenh = leChan.predecessors.find((unit) => unit.name === 'Phường Hàng Kênh')!;
      expect(hangKenh.successorId).toBe('11383');
      expect(leChan.events.at(-1)).toMatchObject({ unitId: '11383', kind: 'created' });
      const city = await fx.steering.units.history('UBND-HP');
      expect(city.predecessors.map((unit) => unit.id)).toEqual(['UBND-HD']);
      expect(city.events.map((event) => [event.unitId, event.kind])).toEqual([
        ['UBND-HD', 'merged'],
        ['UBND-HP', 'reorganised'],
      ]);
      const bachLongVi = await fx.steering.units.history('11948');
      expect(bachLongVi.predecessors.map((unit) => unit.id)).toEqual(['H-BACHLONGVI']);
    });

    it("lists the communes and agencies of 2026 without a committee or plan, and no other province's or former commune of 2024", async () => {
      fx = await createSteeringFixture(dialect);
      const before = (await fx.steering.gaps({ asOf: '2024-06-01' })).unitsWithoutCommittee;
      expect(before.some((unit) => unit.kind === 'commune')).toBe(false);
      expect(before.map((unit) => unit.id)).not.toContain('TP-HAIDUONG');
      expect(before.map((unit) => unit.id)).not.toContain('SNV-HD');
      expect(before.map((unit) => unit.id)).toContain('H-VINHBAO');
      const after = (await fx.steering.gaps({ asOf: '2026-01-01' })).unitsWithoutCommittee;
      // Four sample communes set up their committee in 2025 (Dữ liệu mẫu); the other 110 have none.
      expect(after.filter((unit) => unit.kind === 'commune')).toHaveLength(110);
      expect(after.map((unit) => unit.id)).not.toContain('11311');
      expect(after.map((unit) => unit.id)).toContain('11914');
      const noPlan = (await fx.steering.gaps({ asOf: '2026-01-01' })).unitsWithoutPlan.map((unit) => unit.id);
      expect(noPlan).not.toContain('11914');
      expect(noPlan).toContain('11560');
      // A committee counts from the day it was set up: Phường Thủy Nguyên's began on 2025-09-10.
      const august = (await fx.steering.gaps({ asOf: '2025-08-15' })).unitsWithoutCommittee;
      expect(august.map((unit) => unit.id)).toContain('11560');
      expect(august.map((unit) => unit.id)).not.toContain('11311');
      expect(after.some((unit) => unit.kind === 'district')).toBe(false);
    });

    it('refuses a batch with a bad unit naming its field, and writes none of it', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      const before = await countRows(fx.store, 'audit_events');
      const error = await fx.steering.units
        .createMany(SECRETARIAT, [
          { id: 'X-1', name: 'Xã Một', kind: 'commune', validFrom: '2021-01-01', validTo: '2025-06-30' },
          {
            id: 'X-2',
            name: 'Xã Hai',
            kind: 'commune',
            validFrom: '2021-01-01',
            validTo: '2025-06-30',
            events: [{ kind: 'merged', date: '2025-07-01', successorId: 'X-1', share: 0.5 }],
          },
          { id: 'X-3', name: 'Xã Ba', kind: 'commune', validFrom: '2021-01-01', successorId: 'X-9' },
        ])
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'validation-failed' });
      expect((error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual([
        '/1/events/0/share',
      ]);
      const forward = await fx.steering.units
        .createMany(SECRETARIAT, [
          { id: 'X-1', name: 'Xã Một', kind: 'commune', validFrom: '2021-01-01' },
          { id: 'X-3', name: 'Xã Ba', kind: 'commune', validFrom: '2021-01-01', successorId: 'X-9' },
        ])
        .catch((caught: unknown) => caught);
      expect((forward as { errors: { pointer: string }[] }).errors).toEqual([
        { pointer: '/1/successorId', detail: 'no unit X-9' },
      ]);
      expect(await fx.steering.units.list('2022-01-01')).toEqual([]);
      expect(await countRows(fx.store, 'audit_events')).toBe(before);
    });
  });
}
