import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';
import type { DtiPublishedInput } from './dti-published.js';

/**
 * Hải Phòng's published provincial DTI by assessment year (the shared reference data,
 * dti-published-haiphong.json). What was not found stays empty; 2021 is marked unverified because its
 * figures come from earlier notes and were not re-read in a source.
 */
export const HAI_PHONG_DTI_PUBLISHED: Readonly<Record<number, DtiPublishedInput>> = {
  2020: {
    rank: 21,
    method: 'QĐ 1726/QĐ-BTTTT',
    verified: true,
    source: 'https://viettimes.vn/chuyen-doi-so-la-diem-nghen-phat-trien-cua-hai-phong-post155001.html',
    note: 'Xếp hạng trụ cột: chính quyền số 33, kinh tế số 20, xã hội số 14.',
  },
  2021: {
    rank: 16,
    total: 0.4675,
    verified: false,
    note: 'Theo ghi chép trước đây (dti.gov.vn, anhp.vn); chưa đối chiếu lại với nguồn.',
  },
  2022: {
    rank: 14,
    method: 'QĐ 922/QĐ-BTTTT',
    verified: true,
    source: 'https://dti.gov.vn/xep-hang-2022',
    note: 'Xếp hạng trụ cột: chính quyền số 28, kinh tế số 12, xã hội số 21. Tổng điểm chưa tìm thấy.',
  },
  2023: {
    rank: 8,
    method: 'QĐ 922/QĐ-BTTTT',
    verified: true,
    source:
      'https://diendandoanhnghiep.vn/hai-phong-chuyen-doi-so-dong-luc-trong-phat-trien-kinh-te-10149895.html',
    note:
      'Công bố 06/02/2025. Trụ cột: chính quyền số 0,7684 (hạng 28), kinh tế số 0,7793 (hạng 9), xã hội số ' +
      '0,7383 (hạng 10). Tổng điểm chưa tìm thấy.',
  },
  2024: {
    rank: 3,
    of: 34,
    total: 0.7857,
    method: 'QĐ 405/QĐ-BKHCN',
    publishedOn: '2025-10-21',
    verified: true,
    source:
      'https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm',
    note:
      'Giá trị của thành phố sau hợp nhất: trung bình cộng các chỉ số chính của Hải Phòng và Hải Dương trước ' +
      'hợp nhất. Điểm tối đa ở Nhận thức số và Thể chế số; hạng 3 ở Hạ tầng số và Hoạt động kinh tế số.',
  },
};

const SAMPLE = 'Dữ liệu mẫu';

/** The sample 2025 campaign: QĐ 405's eight main indices, their units and deadlines, four entered. */
const SAMPLE_ASSIGNMENTS: readonly {
  itemCode: string;
  unitId: string;
  deadline: string;
  value?: number;
  evidence?: string;
}[] = [
  {
    itemCode: 'NT',
    unitId: 'VP-UBND',
    deadline: '2026-11-30',
    value: 1,
    evidence: 'Báo cáo số 15/BC-VP về tuyên truyền chuyển đổi số năm 2025',
  },
  {
    itemCode: 'TC',
    unitId: 'STP',
    deadline: '2026-11-30',
    value: 1,
    evidence: 'Danh mục 12 văn bản quy phạm về chuyển đổi số ban hành năm 2025',
  },
  {
    itemCode: 'HT',
    unitId: 'SKHCN',
    deadline: '2026-11-30',
    value: 0.82,
    evidence: 'Báo cáo hiện trạng hạ tầng số, Sở Khoa học và Công nghệ',
  },
  { itemCode: 'NL', unitId: 'SNV', deadline: '2026-11-30' },
  { itemCode: 'ATTT', unitId: 'SKHCN', deadline: '2026-12-15' },
  { itemCode: 'CQS', unitId: 'VP-UBND', deadline: '2026-12-15' },
  {
    itemCode: 'KTS',
    unitId: 'SCT',
    deadline: '2026-12-15',
    value: 0.78,
    evidence: 'Số liệu thương mại điện tử năm 2025, Sở Công Thương',
  },
  { itemCode: 'XHS', unitId: 'SYT', deadline: '2026-12-15' },
];

/**
 * Seeds the DTI: the city's published results (reference data, not sample), and the sample 2025
 * self-assessment campaign in progress under QĐ 405 (Dữ liệu mẫu). Idempotent: a published year or a
 * campaign that exists is left as it is. Returns what it created.
 */
export async function seedDtiSample(
  steering: Steering,
  actor: AuditActor,
): Promise<{ published: number[]; campaign: boolean }> {
  const known = new Set((await steering.dti.published()).map((p) => p.year));
  const published: number[] = [];
  for (const [year, input] of Object.entries(HAI_PHONG_DTI_PUBLISHED)) {
    if (known.has(Number(year))) continue;
    await steering.dti.putPublished(actor, Number(year), input);
    published.push(Number(year));
  }
  if ((await steering.dti.campaigns.list()).some((c) => c.year === 2025))
    return { published, campaign: false };
  await steering.dti.campaigns.create(
    actor,
    { year: 2025, title: `Tự đánh giá DTI năm 2025 (${SAMPLE})` },
    { sample: true },
  );
  for (const { itemCode, unitId, deadline, value, evidence } of SAMPLE_ASSIGNMENTS) {
    await steering.dti.campaigns.assign(actor, 2025, { itemCode, unitId, deadline }, { sample: true });
    if (value !== undefined)
      await steering.dti.campaigns.enter(actor, 2025, itemCode, {
        value,
        evidence: `${SAMPLE}: ${evidence}`,
      });
  }
  return { published, campaign: true };
}
