import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryInput } from './entry-schemas.js';
import { searchEntries } from './search-entries.js';
import type { SearchQuery } from './search-schemas.js';
import {
  ACTOR,
  buildCatalog,
  buildDataService,
  buildDataset,
  type CatalogFixture,
  DIALECTS,
  expectCangError,
  SNV,
} from './test-support/catalog-fixtures.js';

/** Sample entries: [key, input, publish?]. */
const SAMPLES: readonly [string, Partial<EntryInput>, boolean][] = [
  ['hotich', { title: 'Cơ sở dữ liệu hộ tịch điện tử', keywords: ['hộ tịch'] }, true],
  [
    'khaisinh',
    { title: 'Đăng ký khai sinh', description: 'Số liệu khai sinh theo phường, xã.', keywords: [] },
    true,
  ],
  [
    'datdai',
    {
      title: 'Bản đồ địa chính và đất đai quận Hải An',
      description: 'Thửa đất, quy hoạch sử dụng đất.',
      themes: ['ENVI'],
      keywords: ['đất đai'],
      classification: 'open',
      distributions: [{ format: 'CSV', url: 'https://stnmt.haiphong.example/dat-dai.csv' }],
    },
    true,
  ],
  [
    'xaydung',
    {
      title: 'Giấy phép xây dựng',
      description: 'Giấy phép xây dựng nhà ở riêng lẻ.',
      themes: ['REGI'],
      keywords: ['xây dựng'],
      classification: 'open',
      distributions: [{ format: 'XLSX', url: 'https://sxd.haiphong.example/gpxd.xlsx' }],
    },
    true,
  ],
  ['nhap', { title: 'Hộ tịch bản nháp', keywords: [] }, false],
  [
    'canbo',
    {
      publisher: SNV,
      title: 'Danh sách cán bộ, công chức',
      description: 'Đội ngũ công chức cấp xã.',
      themes: ['GOVE'],
      keywords: ['cán bộ'],
      classification: 'restricted',
    },
    true,
  ],
];

/** Each query and the sample keys it must find, on every dialect. */
const QUERIES: readonly [Partial<SearchQuery>, string[]][] = [
  [{ q: 'hộ tịch' }, ['hotich']],
  [{ q: 'ho tich' }, ['hotich']],
  [{ q: 'HO TICH' }, ['hotich']],
  [{ q: 'khai sinh' }, ['hotich', 'khaisinh']],
  [{ q: 'khai si' }, ['hotich', 'khaisinh']],
  [{ q: 'dat dai' }, ['datdai']],
  [{ q: 'đất' }, ['datdai']],
  [{ q: 'hai an' }, ['datdai']],
  [{ q: 'giay phep xay dung' }, ['xaydung']],
  [{ q: 'cong chuc' }, ['canbo']],
  [{ q: 'hải phòng' }, ['hotich']],
  [{ q: 'không có gì' }, []],
  [{ q: 'csv' }, ['datdai']],
  [{}, ['canbo', 'datdai', 'hotich', 'khaisinh', 'xaydung']],
  [{ classification: 'open' }, ['datdai', 'xaydung']],
  [{ theme: 'ENVI' }, ['datdai']],
  [{ format: 'xlsx' }, ['xaydung']],
  [{ publisher: SNV }, ['canbo']],
  [{ kind: 'service' }, []],
  [{ q: 'ho tich', state: 'draft' }, ['nhap']],
];

for (const dialect of DIALECTS) {
  describe(`catalog search on ${dialect}`, () => {
    let fx: CatalogFixture;
    const ids = new Map<string, string>();
    const keyOf = (id: string) => [...ids].find(([, value]) => value === id)?.[0];
    beforeAll(async () => {
      fx = await buildCatalog(dialect);
      for (const [key, overrides, publish] of SAMPLES) {
        const entry = await fx.catalog.entries.create(ACTOR, buildDataset(overrides));
        if (publish) await fx.catalog.entries.transition(ACTOR, entry.id, { state: 'published' });
        ids.set(key, entry.id);
      }
    });
    afterAll(async () => {
      await fx.store.close();
    });

    for (const [query, expected] of QUERIES) {
      it(`finds ${JSON.stringify(expected)} for ${JSON.stringify(query)}`, async () => {
        const result = await fx.catalog.search(query);
        expect(result.items.map((item) => keyOf(item.id)).sort()).toEqual(expected);
        expect(result.total).toBe(expected.length);
        expect(result.facetsCounted).toBe(expected.length);
      });
    }

    it('keeps the index in step with changes and counts facets over every match', async () => {
      await fx.catalog.entries.update(ACTOR, ids.get('khaisinh')!, { title: 'Đăng ký nhận con nuôi' });
      expect((await fx.catalog.search({ q: 'con nuoi' })).items.map((i) => keyOf(i.id))).toEqual([
        'khaisinh',
      ]);
      expect((await fx.catalog.search({ q: 'dang ky' })).total).toBe(2);
      const all = await fx.catalog.search({});
      expect(all.facets.classification).toEqual([
        { value: 'open', count: 2 },
        { value: 'shared', count: 2 },
        { value: 'restricted', count: 1 },
      ]);
      expect(all.facets.publisher).toEqual([
        { value: 'VN-HP/GOV/STP', label: 'Sở Tư pháp', count: 4 },
        { value: SNV, label: 'Sở Nội vụ', count: 1 },
      ]);
      expect(all.facets.format).toEqual([
        { value: 'API', count: 3 },
        { value: 'CSV', count: 1 },
        { value: 'XLSX', count: 1 },
      ]);
      expect(all.facets.kind).toEqual([{ value: 'dataset', count: 5 }]);
      await fx.catalog.entries.update(ACTOR, ids.get('khaisinh')!, { title: 'Đăng ký khai sinh' });
    });

    it('ranks and counts facets over the most recently changed matches when more match', async () => {
      // Blocks of 3: 'tu phap' (the publisher's name) matches the four published entries of STP.
      const search = (query: Partial<SearchQuery>) => searchEntries(fx.store.db, dialect, query, {}, 3);
      const before = await search({ q: 'tu phap' });
      expect(before.total).toBe(4);
      expect(before.facetsCounted).toBe(3);
      expect(before.facets.publisher).toEqual([{ value: 'VN-HP/GOV/STP', label: 'Sở Tư pháp', count: 3 }]);
      expect(before.items).toHaveLength(4);
      // 1. The least recently changed match is the second block, after the three others.
      const oldest = before.items[3]!;
      // 2. Changed, it is among the candidates and another entry is left to the second block.
      await fx.catalog.entries.update(ACTOR, oldest.id, { description: `${oldest.description} Cập nhật.` });
      const after = await search({ q: 'tu phap' });
      expect(after.items.slice(0, 3).map((item) => item.id)).toContain(oldest.id);
      expect(after.items[3]!.id).not.toBe(oldest.id);
      // 3. Pages run on across the blocks, each match once.
      const first = await search({ q: 'tu phap', limit: 2 });
      const second = await search({ q: 'tu phap', limit: 2, cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(after.items.map((i) => i.id));
      expect(second.nextCursor).toBeNull();
      // 4. Filters narrow the candidates in the index: the open entries of STP are two.
      const open = await search({ q: 'tu phap', classification: 'open' });
      expect(open.items.map((item) => keyOf(item.id)).sort()).toEqual(['datdai', 'xaydung']);
      expect([open.total, open.facetsCounted]).toEqual([2, 2]);
    });

    it('pages with a cursor and refuses a forged one', async () => {
      const first = await fx.catalog.search({ limit: 2 });
      const second = await fx.catalog.search({ limit: 2, cursor: first.nextCursor! });
      const third = await fx.catalog.search({ limit: 2, cursor: second.nextCursor! });
      const seen = [...first.items, ...second.items, ...third.items].map((i) => i.id);
      expect(new Set(seen).size).toBe(5);
      expect(third.nextCursor).toBeNull();
      await expectCangError(fx.catalog.search({ cursor: 'bm9wZQ' }), 'validation-failed');
    });

    it('finds data services and hides retired entries', async () => {
      const service = await fx.catalog.entries.create(ACTOR, buildDataService());
      await fx.catalog.entries.transition(ACTOR, service.id, { state: 'published' });
      expect((await fx.catalog.search({ q: 'dich vu tra cuu' })).items.map((i) => i.id)).toEqual([
        service.id,
      ]);
      await fx.catalog.entries.transition(ACTOR, service.id, { state: 'retired' });
      expect((await fx.catalog.search({ q: 'dich vu tra cuu' })).items).toEqual([]);
    });
  });
}
