/**
 * The generated catalog of the search benchmark: Vietnamese titles and descriptions built from word
 * lists of Hải Phòng's agencies, districts and data themes (deterministic, so every run builds the same
 * catalog), and the 100 queries run against it.
 */
import { sql } from 'kysely';
import { postgresSearchRow, searchFacetsOf, sqliteSearchRow } from '../../src/catalog/index.js';
import { foldText, uuidV7 } from '../../src/core/index.js';
import { createRegistry, haiPhongOrganisations, seedHaiPhong } from '../../src/registry/index.js';
import type { CatalogEntryTable, Store } from '../../src/store/index.js';

const ACTOR = { id: 'system:bench', remoteAddress: null };

/** Data themes: words of a title and the DCAT theme code. */
export const THEMES: readonly [string, string][] = [
  ['hộ tịch', 'JUST'],
  ['khai sinh', 'JUST'],
  ['kết hôn', 'JUST'],
  ['lý lịch tư pháp', 'JUST'],
  ['công chứng', 'JUST'],
  ['đất đai', 'ENVI'],
  ['quy hoạch sử dụng đất', 'REGI'],
  ['giấy phép xây dựng', 'REGI'],
  ['nhà ở xã hội', 'REGI'],
  ['đăng ký doanh nghiệp', 'ECON'],
  ['hộ kinh doanh', 'ECON'],
  ['thuế', 'ECON'],
  ['ngân sách', 'ECON'],
  ['đầu tư công', 'ECON'],
  ['bảo hiểm xã hội', 'SOCI'],
  ['người có công', 'SOCI'],
  ['hộ nghèo', 'SOCI'],
  ['lao động việc làm', 'SOCI'],
  ['dân cư', 'SOCI'],
  ['cư trú', 'SOCI'],
  ['khám chữa bệnh', 'HEAL'],
  ['tiêm chủng', 'HEAL'],
  ['an toàn thực phẩm', 'HEAL'],
  ['trường học', 'EDUC'],
  ['học sinh', 'EDUC'],
  ['tuyển sinh đầu cấp', 'EDUC'],
  ['phương tiện giao thông', 'TRAN'],
  ['giấy phép lái xe', 'TRAN'],
  ['cảng biển', 'TRAN'],
  ['hàng hải', 'TRAN'],
  ['xe buýt', 'TRAN'],
  ['quan trắc môi trường', 'ENVI'],
  ['nước thải', 'ENVI'],
  ['chất thải rắn', 'ENVI'],
  ['thủy sản', 'AGRI'],
  ['nông nghiệp', 'AGRI'],
  ['đê điều', 'AGRI'],
  ['du lịch', 'EDUC'],
  ['di tích lịch sử', 'EDUC'],
  ['thủ tục hành chính', 'GOVE'],
  ['hồ sơ một cửa', 'GOVE'],
  ['cán bộ công chức', 'GOVE'],
  ['văn bản quy phạm pháp luật', 'GOVE'],
  ['khu công nghiệp', 'ECON'],
  ['xuất nhập khẩu', 'ECON'],
  ['giá cả thị trường', 'ECON'],
  ['cấp nước', 'ENER'],
  ['chiếu sáng công cộng', 'ENER'],
  ['phòng cháy chữa cháy', 'GOVE'],
  ['viễn thông', 'TECH'],
];
/** Districts, wards and communes. */
export const AREAS = [
  'quận Hồng Bàng',
  'quận Lê Chân',
  'quận Ngô Quyền',
  'quận Hải An',
  'quận Kiến An',
  'quận Đồ Sơn',
  'quận Dương Kinh',
  'thành phố Thủy Nguyên',
  'huyện An Dương',
  'huyện An Lão',
  'huyện Kiến Thụy',
  'huyện Tiên Lãng',
  'huyện Vĩnh Bảo',
  'huyện Cát Hải',
  'huyện Bạch Long Vĩ',
  'phường Đằng Giang',
  'xã Tân Liên',
  'thành phố Hải Phòng',
];
const KINDS_OF_DATA = [
  'Cơ sở dữ liệu',
  'Danh mục',
  'Số liệu thống kê',
  'Sổ đăng ký',
  'Báo cáo tổng hợp',
  'Bản đồ',
  'Dịch vụ tra cứu',
];
const OPENINGS = ['Dữ liệu về', 'Thông tin', 'Số liệu tổng hợp về', 'Danh sách', 'Hồ sơ'];
const USES = [
  'phục vụ giải quyết thủ tục hành chính',
  'phục vụ chỉ đạo, điều hành của Ủy ban nhân dân',
  'cập nhật định kỳ theo quy định',
  'chia sẻ cho các sở, ngành liên quan',
  'công khai cho người dân và doanh nghiệp',
  'phục vụ công tác thống kê, báo cáo',
];
const FORMATS = ['CSV', 'JSON', 'XLSX', 'PDF', 'API', 'SHP'];
const CLASSES = ['open', 'shared', 'restricted', 'personal'] as const;
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'];
const OFFICERS = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Đức',
  'Vũ Thị Hà',
];

/** A small deterministic generator (mulberry32), so every run builds the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Loads `count` published entries in batches straight into the tables and the search index. */
export async function loadEntries(store: Store, count: number): Promise<void> {
  const registry = createRegistry({ store, instance: 'VN-HP' });
  await seedHaiPhong(registry, ACTOR);
  const publishers = haiPhongOrganisations().map((o) => ({ id: `VN-HP/GOV/${o.code}`, name: o.name }));
  const pick = random(20261126);
  const one = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const base = Date.parse('2025-01-01T00:00:00Z');
  const batch = 400;
  for (let start = 0; start < count; start += batch) {
    const rows: (CatalogEntryTable & { search_rowid: number })[] = [];
    const facets: { entry_id: string; facet: 'theme' | 'format'; value: string }[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const [theme, code] = one(THEMES);
      const [other] = one(THEMES);
      const area = one(AREAS);
      const publisher = one(publishers);
      const year = 2019 + Math.floor(pick() * 7);
      const format = one(FORMATS);
      const title = `${one(KINDS_OF_DATA)} ${theme} ${area} năm ${year}`;
      const description = `${one(OPENINGS)} ${theme} và ${other} trên địa bàn ${area}, do ${publisher.name} quản lý; ${one(USES)}.`;
      const at = base + i * 60_000;
      const id = uuidV7(at);
      const keywords = [theme, other];
      const kind = pick() < 0.8 ? 'dataset' : 'service';
      const officer = one(OFFICERS);
      const classification = one(CLASSES);
      rows.push({
        id,
        sample: 0,
        kind,
        publisher_id: publisher.id,
        title,
        description,
        focal_officer: JSON.stringify({
          name: officer,
          position: 'Chuyên viên',
          phone: '0225 3842 123',
          email: 'dau-moi@haiphong.gov.vn',
        }),
        themes: JSON.stringify([code]),
        keywords: JSON.stringify(keywords),
        classification,
        update_frequency: one(FREQUENCIES),
        temporal_start: `${year}-01-01`,
        temporal_end: null,
        spatial: area,
        licence: null,
        distributions: JSON.stringify([
          { format, url: `https://data.haiphong.gov.vn/${i}.${format.toLowerCase()}` },
        ]),
        schema_document: null,
        exchange_service_id: null,
        state: 'published',
        revision: 2,
        search_text: foldText([title, keywords.join(' '), description, publisher.name, format].join(' ')),
        search_rowid: i + 1,
        search_facets: searchFacetsOf(kind, classification, publisher.id, [code], [format]),
        published_at: at,
        last_reviewed_at: at,
        review_due_at: at + 182 * 86_400_000,
        created_at: at,
        updated_at: at,
      });
      facets.push(
        { entry_id: id, facet: 'theme', value: code },
        { entry_id: id, facet: 'format', value: format },
      );
    }
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('catalog_entries').values(rows).execute();
      await trx.insertInto('catalog_entry_facets').values(facets).execute();
      if (store.dialect === 'sqlite') {
        const values = rows
          .map(sqliteSearchRow)
          .map((r) => sql`(${r.rowid}, ${r.body}, ${r.filters}, ${r.facets})`);
        await sql`INSERT INTO catalog_search (rowid, body, filters, facets) VALUES ${sql.join(values)}`.execute(
          trx,
        );
      } else {
        await trx.insertInto('catalog_search').values(rows.map(postgresSearchRow)).execute();
      }
    });
  }
  if (store.dialect === 'postgres') {
    await sql`SELECT setval('catalog_search_rowid', ${count + 1}, false)`.execute(store.db);
  }
  await sql`ANALYZE`.execute(store.db);
}

/** 100 realistic queries: theme and area words, half without diacritics, some partial or filtered. */
export function buildQueries(): Record<string, unknown>[] {
  const pick = random(7);
  const one = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const queries: Record<string, unknown>[] = [];
  for (let i = 0; i < 100; i++) {
    const [theme, code] = one(THEMES);
    const area = one(AREAS).split(' ').slice(1).join(' ');
    let q = i % 3 === 0 ? `${theme} ${area}` : theme;
    if (i % 2 === 1) q = foldText(q);
    if (i % 5 === 4) q = q.slice(0, Math.max(3, q.length - 2)); // typing: partial last word
    const query: Record<string, unknown> = { q };
    if (i % 7 === 0) query.classification = 'open';
    if (i % 11 === 0) query.theme = code;
    queries.push(query);
  }
  return queries;
}
