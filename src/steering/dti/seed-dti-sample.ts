import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';

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
 * Seeds the sample 2025 self-assessment campaign in progress under QĐ 405 (Dữ liệu mẫu); the city's
 * published results are reference data, loaded on every start (seed-steering-reference.ts). Idempotent:
 * a 2025 campaign that exists is left as it is. Returns whether it created the campaign.
 */
export async function seedDtiSample(steering: Steering, actor: AuditActor): Promise<boolean> {
  if ((await steering.dti.campaigns.list()).some((c) => c.year === 2025)) return false;
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
  return true;
}
