import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { ReportStatus } from '../report-schemas.js';
import { reportingStatus } from '../reporting-status.js';
import { dateCell, fileNamePart, type GeneratedFile, localTimeCell } from './xlsx-file.js';
import { writeWorkbook } from './xlsx-writer.js';

/** How a report's status reads in Vietnamese. */
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Trả lại',
};

/** How a unit's reporting state for a period reads in Vietnamese. */
export const REPORTING_STATE_LABELS: Readonly<Record<string, string>> = {
  'on-time': 'Đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa nộp (quá hạn)',
  pending: 'Chưa nộp (còn hạn)',
};

const DATE_TIME = 'dd/mm/yyyy hh:mm';

/** Whether the reader may see a report's contents (its unit's reporters see drafts, others accepted ones). */
export type ReportReadable = (report: {
  readonly unitId: string;
  readonly period: string;
  readonly status: string;
}) => boolean;

/**
 * The reports of a period as an .xlsx workbook, as of a date: "Báo cáo" (every unit that owes one:
 * reporting state, report status, deadline, submitted at and accepted at in Hải Phòng time) and
 * "Tiến độ nhiệm vụ" (each report's per-task progress beside the task's current progress).
 */
export async function reportsWorkbook(
  db: Kysely<Database>,
  period: string,
  asOf: string,
  mayRead: ReportReadable = () => true,
): Promise<GeneratedFile> {
  const status = await reportingStatus(db, period, asOf);
  const stored = await db.selectFrom('steering_reports').selectAll().where('period', '=', period).execute();
  const all = new Map(stored.map((r) => [r.id, r]));
  // Reports whose contents the reader may see; of the others only the status shows.
  const reports = new Map(
    stored
      .filter((r) => mayRead({ unitId: r.unit_id, period: r.period, status: r.status }))
      .map((r) => [r.id, r]),
  );
  const items =
    reports.size === 0
      ? []
      : await db
          .selectFrom('steering_report_items')
          .innerJoin('steering_tasks', 'steering_tasks.id', 'steering_report_items.task_id')
          .select([
            'steering_report_items.report_id as reportId',
            'steering_report_items.progress as reported',
            'steering_report_items.narrative as narrative',
            'steering_tasks.code as code',
            'steering_tasks.title as title',
            'steering_tasks.progress as current',
          ])
          .where('steering_report_items.report_id', 'in', [...reports.keys()])
          .orderBy('steering_tasks.code')
          .execute();

  const names = new Map(status.units.map((unit) => [unit.unitId, unit.unitName]));
  const ordered = [...items].sort((a, b) => {
    const ua = reports.get(a.reportId)!.unit_id;
    const ub = reports.get(b.reportId)!.unit_id;
    return ua.localeCompare(ub) || a.code.localeCompare(b.code);
  });
  const content = await writeWorkbook([
    {
      name: 'Báo cáo',
      columns: [
        { header: 'Mã đơn vị', key: 'unitId', width: 14 },
        { header: 'Tên đơn vị', key: 'unitName', width: 40 },
        { header: 'Tình hình nộp', key: 'state', width: 20 },
        { header: 'Trạng thái báo cáo', key: 'status', width: 18 },
        { header: 'Hạn nộp', key: 'deadline', width: 12 },
        { header: 'Thời điểm gửi', key: 'submittedAt', width: 18, format: DATE_TIME },
        { header: 'Thời điểm tiếp nhận', key: 'acceptedAt', width: 20, format: DATE_TIME },
        { header: 'Số nhiệm vụ báo cáo', key: 'itemCount', width: 20 },
        { header: 'Ý kiến trả lại', key: 'returnComment', width: 40 },
      ],
      lines: status.units.map((unit) => {
        const report = unit.reportId === null ? undefined : all.get(unit.reportId);
        const open = report !== undefined && reports.has(report.id);
        return {
          values: {
            unitId: unit.unitId,
            unitName: unit.unitName,
            state: REPORTING_STATE_LABELS[unit.state] ?? unit.state,
            status: report === undefined ? 'Chưa có' : REPORT_STATUS_LABELS[report.status as ReportStatus],
            deadline: dateCell(status.deadline),
            submittedAt: localTimeCell(report?.submitted_at ?? null),
            acceptedAt: localTimeCell(report?.status === 'accepted' ? report.decided_at : null),
            itemCount: open ? items.filter((item) => item.reportId === unit.reportId).length : null,
            returnComment: open && report.status === 'returned' ? report.return_comment : null,
          },
        };
      }),
    },
    {
      name: 'Tiến độ nhiệm vụ',
      columns: [
        { header: 'Mã đơn vị', key: 'unitId', width: 14 },
        { header: 'Tên đơn vị', key: 'unitName', width: 36 },
        { header: 'Trạng thái báo cáo', key: 'status', width: 18 },
        { header: 'Mã nhiệm vụ', key: 'code', width: 14 },
        { header: 'Tên nhiệm vụ', key: 'title', width: 48 },
        { header: 'Tiến độ báo cáo (%)', key: 'reported', width: 18 },
        { header: 'Tiến độ hiện tại (%)', key: 'current', width: 18 },
        { header: 'Nội dung', key: 'narrative', width: 48 },
      ],
      lines: ordered.map((item) => {
        const report = reports.get(item.reportId)!;
        return {
          values: {
            unitId: report.unit_id,
            unitName: names.get(report.unit_id) ?? report.unit_id,
            status: REPORT_STATUS_LABELS[report.status as ReportStatus],
            code: item.code,
            title: item.title,
            reported: item.reported,
            current: item.current,
            narrative: item.narrative,
          },
        };
      }),
    },
  ]);
  return {
    fileName: `bao-cao-${fileNamePart(period)}.xlsx`,
    content,
  };
}
