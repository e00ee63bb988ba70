import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';
import { parsePeriod } from '../period.js';
import { SAMPLE_NOTE } from './hai-phong-program.js';

/** Where a sample report is left: a draft, submitted, or accepted by the secretariat. */
type SampleReportState = 'draft' | 'submitted' | 'accepted';

/** A sample periodic report: unit, period, where it stands, and what it says. */
interface SampleReport {
  readonly unitId: string;
  readonly period: string;
  readonly state: SampleReportState;
  readonly narrative: string;
}

const report = (
  unitId: string,
  period: string,
  state: SampleReportState,
  narrative: string,
): SampleReport => ({
  unitId,
  period,
  state,
  narrative: `${narrative} (${SAMPLE_NOTE})`,
});

/**
 * The communes' sample reports: 2025-H2, the commune level's first half-year, and 2026-Q4, the period
 * open on 2026-12-02. A few communes reported, most did not; Phường Lê Chân has not yet reported for
 * 2026-Q4, which its sample reporter does in the console's tour.
 */
export const SAMPLE_REPORTS: readonly SampleReport[] = [
  report('11311', '2025-H2', 'accepted', 'Thành lập Ban Chỉ đạo, ban hành kế hoạch chuyển đổi số của phường'),
  report('11383', '2025-H2', 'accepted', 'Kiện toàn bộ phận một cửa, số hóa hồ sơ tiếp nhận từ 01/7/2025'),
  report('11914', '2025-H2', 'accepted', 'Phủ sóng 4G các khu dân cư trên đảo, triển khai bản đồ số đặc khu'),
  report('10525', '2025-H2', 'submitted', 'Chuyển giao hệ thống văn bản điều hành từ thành phố Hải Dương cũ'),
  report('11629', '2025-H2', 'draft', 'Rà soát hạ tầng công nghệ thông tin của các xã hợp nhất'),
  report('11311', '2026-Q4', 'submitted', '100% hồ sơ thủ tục hành chính tiếp nhận trực tuyến trong quý'),
  report('10525', '2026-Q4', 'submitted', 'Vận hành Trung tâm phục vụ hành chính công phường'),
  report('11914', '2026-Q4', 'submitted', 'Kết nối camera giám sát cảng cá với trung tâm điều hành'),
  report('10606', '2026-Q4', 'draft', 'Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng'),
];

/**
 * Seeds the sample reports that are missing (by unit and period), marked as sample, and moves each to
 * its state. A period that has not begun yet is skipped, as a unit could not report for it either.
 * Returns how many reports were created.
 */
export async function seedSampleReports(steering: Steering, actor: AuditActor): Promise<number> {
  const today = steering.context.today();
  const existing = new Set(
    (await steering.context.db.selectFrom('steering_reports').select(['unit_id', 'period']).execute()).map(
      (row) => `${row.unit_id} ${row.period}`,
    ),
  );
  let created = 0;
  for (const fact of SAMPLE_REPORTS) {
    if (existing.has(`${fact.unitId} ${fact.period}`)) continue;
    if (parsePeriod(fact.period)!.start > today) continue;
    const { id } = await steering.reports.create(
      actor,
      { unitId: fact.unitId, period: fact.period, narrative: fact.narrative },
      { sample: true },
    );
    if (fact.state !== 'draft') await steering.reports.submit(actor, id);
    if (fact.state === 'accepted') await steering.reports.accept(actor, id);
    created += 1;
  }
  return created;
}

/** The sample commune reporters: one console user per commune, holding the reporter role scoped to it. */
export const SAMPLE_COMMUNE_REPORTERS: readonly {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly { readonly role: 'unit-reporter'; readonly scope: string }[];
}[] = [
  ['11311', 'Phường Hồng Bàng'],
  ['11383', 'Phường Lê Chân'],
  ['10525', 'Phường Hải Dương'],
  ['11914', 'Đặc khu Cát Hải'],
  ['11629', 'Xã An Lão'],
  ['10606', 'Xã Nam Sách'],
].map(([code, name]) => ({
  username: `baocao.${code}`,
  displayName: `Cán bộ báo cáo ${name} (${SAMPLE_NOTE})`,
  roles: [{ role: 'unit-reporter' as const, scope: code! }],
}));
