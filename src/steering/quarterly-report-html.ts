import { html, SafeHtml } from './html-escape.js';
import type { Period } from './period.js';
import type { QuarterlyReportData } from './quarterly-report-data.js';
import { REPORT_STATUS_LABELS, REPORTING_STATE_LABELS } from './spreadsheets/report-xlsx-export.js';
import type { ReportStatus } from './report-schemas.js';
import { barChart } from './svg-bar-chart.js';
import { unitKindLabel } from './unit-kinds.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
// Submission bars: what is good reads blue or green, what the committee must chase amber or red.
const [SUBMITTED, ACCEPTED, LATE, MISSING] = ['#1565c0', '#2e7d32', '#f9a825', '#c62828'];
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A period as a Vietnamese report names it: "Quý II năm 2025", "6 tháng đầu năm 2025", "Tháng 5 năm 2025". */
export function periodLabel(period: Period): string {
  const year = period.id.slice(0, 4);
  const part = Number(period.id.slice(-1));
  switch (period.kind) {
    case 'quarter':
      return `Quý ${ROMAN[part - 1]} năm ${year}`;
    case 'half':
      return `6 tháng ${part === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'month':
      return `Tháng ${Number(period.id.slice(5))} năm ${year}`;
    default:
      return `Năm ${year}`;
  }
}

/** A calendar date as dd/mm/yyyy. */
export const vnDate = (date: string): string =>
  `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A percentage with a decimal comma, or an em dash when there is none. */
const percent = (value: number | null): string => (value === null ? '—' : `${decimal.format(value)}%`);

// A4 portrait; each numbered section starts a page; table headers repeat; rows never split.
const STYLE = `
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: 'Times New Roman', Times, serif; font-size: 13pt; line-height: 1.35; color: #000; margin: 0 auto; max-width: 180mm; }
header.doc { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; text-align: center; margin-bottom: 6mm; }
header.doc .org { text-transform: uppercase; font-size: 12pt; }
header.doc .org strong, header.doc .nation strong { display: block; }
header.doc .nation { font-size: 12pt; }
h1 { text-align: center; font-size: 15pt; text-transform: uppercase; margin: 4mm 0 1mm; }
p.subtitle { text-align: center; margin: 0 0 2mm; font-weight: bold; }
p.meta { text-align: center; font-style: italic; margin: 0 0 6mm; }
section { break-before: page; page-break-before: always; }
section.summary { break-before: auto; page-break-before: auto; }
h2 { font-size: 14pt; margin: 0 0 3mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 13pt; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 11.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 1.5mm 2mm; vertical-align: top; }
th { background: #eceff1; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
.chart { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
.chart text { font-family: 'Times New Roman', Times, serif; font-size: 11px; }
.late { color: #b71c1c; font-weight: bold; }
p.empty { font-style: italic; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { padding: 12mm 10mm; } }
`;

// A constant of this file, not input: trusted as is (entities are not decoded inside <style>).
const STYLE_SHEET = new SafeHtml(STYLE);

function programSection(data: QuarterlyReportData): SafeHtml {
  const programs = data.programs.map(
    (program) => html`<h3>${program.code} — ${program.title}</h3>
<p>Tiến độ chung: <strong>${percent(program.progress)}</strong> (bình quân gia quyền theo nhóm, không tính nhiệm vụ tạm dừng, đã hủy).</p>
${barChart(
  `Tiến độ theo nhóm nhiệm vụ của ${program.code}`,
  program.groups.map((group) => ({
    label: group.code,
    percent: group.progress,
    text: percent(group.progress),
  })),
)}
<table><thead><tr><th>Mã nhóm</th><th>Nhóm nhiệm vụ</th><th class="num">Số nhiệm vụ</th><th class="num">Tiến độ</th><th class="num">Quá hạn</th></tr></thead>
<tbody>${program.groups.map(
      (group) =>
        html`<tr><td class="code">${group.code}</td><td>${group.title}</td><td class="num">${group.taskCount}</td><td class="num">${percent(group.progress)}</td><td class="num${group.overdueCount > 0 ? ' late' : ''}">${group.overdueCount}</td></tr>`,
    )}</tbody></table>`,
  );
  return html`<section id="tien-do"><h2>I. Tiến độ chương trình theo nhóm nhiệm vụ</h2>
${data.programs.length === 0 ? html`<p class="empty">Chưa có chương trình nào.</p>` : programs}</section>`;
}

function overdueSection(data: QuarterlyReportData): SafeHtml {
  const rows = data.overdueTasks.map(
    (task, index) =>
      html`<tr><td class="num">${index + 1}</td><td class="code">${task.code}</td><td>${task.title}</td><td>${task.leadUnitName}</td><td class="num">${vnDate(task.deadline)}</td><td class="num late">${task.daysLate}</td><td class="num">${percent(task.progress)}</td></tr>`,
  );
  return html`<section id="qua-han"><h2>II. Nhiệm vụ quá hạn</h2>
<p>Có <strong>${data.overdueTasks.length}</strong> nhiệm vụ quá hạn đến ngày ${vnDate(data.asOf)}.</p>
${
  rows.length === 0
    ? html`<p class="empty">Không có nhiệm vụ quá hạn.</p>`
    : html`<table><thead><tr><th class="num">STT</th><th>Mã</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th class="num">Hạn</th><th class="num">Số ngày quá hạn</th><th class="num">Tiến độ</th></tr></thead><tbody>${rows}</tbody></table>`
}</section>`;
}

function reportingSection(data: QuarterlyReportData): SafeHtml {
  const { reporting, submissions: s } = data;
  const share = (n: number) => (s.owing === 0 ? null : (n / s.owing) * 100);
  const rows = reporting.units.map(
    (unit) =>
      html`<tr><td>${unit.unitName}</td><td class="${unit.state === 'late' || unit.state === 'missing' ? 'late' : ''}">${REPORTING_STATE_LABELS[unit.state] ?? unit.state}</td><td>${unit.reportStatus === null ? 'Chưa có' : REPORT_STATUS_LABELS[unit.reportStatus as ReportStatus]}</td></tr>`,
  );
  return html`<section id="bao-cao"><h2>III. Tình hình nộp báo cáo</h2>
<p>Hạn nộp báo cáo ${data.period.id}: ${vnDate(reporting.deadline)}. Có ${s.owing} đơn vị phải báo cáo.</p>
${barChart('Tình hình nộp báo cáo', [
  { label: 'Đã nộp', percent: share(s.submitted), text: `${s.submitted}/${s.owing}`, colour: SUBMITTED },
  { label: 'Tiếp nhận', percent: share(s.accepted), text: `${s.accepted}/${s.owing}`, colour: ACCEPTED },
  { label: 'Muộn', percent: share(s.late), text: `${s.late}/${s.owing}`, colour: LATE },
  { label: 'Chưa nộp', percent: share(s.missing), text: `${s.missing}/${s.owing}`, colour: MISSING },
])}
<table><thead><tr><th>Đã nộp</th><th>Đã tiếp nhận</th><th>Nộp muộn</th><th>Chưa nộp (quá hạn)</th><th>Chưa nộp (còn hạn)</th></tr></thead>
<tbody><tr><td class="num">${s.submitted}</td><td class="num">${s.accepted}</td><td class="num">${s.late}</td><td class="num">${s.missing}</td><td class="num">${s.pending}</td></tr></tbody></table>
${rows.length === 0 ? html`<p class="empty">Không có đơn vị nào phải báo cáo kỳ này.</p>` : html`<table><thead><tr><th>Đơn vị</th><th>Tình hình nộp</th><th>Trạng thái báo cáo</th></tr></thead><tbody>${rows}</tbody></table>`}</section>`;
}

function scoreboardSection(data: QuarterlyReportData): SafeHtml {
  const ranked = data.scoreboard.units.filter((unit) => unit.counted > 0);
  const rows = ranked.map(
    (unit) =>
      html`<tr><td class="num">${unit.rank}</td><td>${unit.unitName}</td><td class="code">${unitKindLabel(unit.kind)}</td><td class="num">${percent(unit.index === null ? null : unit.index * 100)}</td><td class="num">${unit.reported}/${unit.counted}</td></tr>`,
  );
  return html`<section id="chi-so"><h2>IV. Bảng xếp hạng chỉ số ${data.period.id}</h2>
<p>Mức đạt bình quân gia quyền so với mục tiêu năm ${data.scoreboard.year}; chỉ tiêu không có số liệu tính bằng 0.</p>
${rows.length === 0 ? html`<p class="empty">Chưa có chỉ tiêu có mục tiêu cho kỳ này.</p>` : html`<table><thead><tr><th class="num">Hạng</th><th>Đơn vị</th><th>Cấp</th><th class="num">Mức đạt</th><th class="num">Chỉ tiêu có số liệu</th></tr></thead><tbody>${rows}</tbody></table>`}</section>`;
}

function unitList(units: QuarterlyReportData['unitsWithoutPlan'], empty: string): SafeHtml {
  if (units.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table><thead><tr><th class="num">STT</th><th>Đơn vị</th><th>Cấp</th></tr></thead><tbody>${units.map(
    (unit, index) =>
      html`<tr><td class="num">${index + 1}</td><td>${unit.name}</td><td class="code">${unitKindLabel(unit.kind)}</td></tr>`,
  )}</tbody></table>`;
}

/**
 * The printable report of a period for the committee: a Vietnamese HTML page with print CSS (A4, a page
 * per section), the committee and period in the header, program progress by group with inline SVG bar
 * charts, overdue tasks, report submissions, the indicator ranking, and units without committee or
 * plan. No script; every interpolated string is escaped.
 */
export function renderQuarterlyReport(data: QuarterlyReportData): string {
  const label = periodLabel(data.period);
  const s = data.submissions;
  const overall = data.programs.map((p) => html`<li>${p.code}: tiến độ chung ${percent(p.progress)}</li>`);
  const page = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${data.committeeName} — Báo cáo ${label}</title><style>${STYLE_SHEET}</style></head>
<body>
<header class="doc"><div class="org">Ủy ban nhân dân thành phố Hải Phòng<strong>${data.committeeName}</strong></div>
<div class="nation"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>Độc lập - Tự do - Hạnh phúc</div></header>
<h1>Báo cáo tình hình thực hiện chuyển đổi số</h1>
<p class="subtitle">${label} (từ ${vnDate(data.period.start)} đến ${vnDate(data.period.end)})</p>
<p class="meta">Số liệu tính đến ngày ${vnDate(data.asOf)}</p>
<section class="summary" id="tom-tat"><h2>Tóm tắt</h2><ul>
${overall}
<li>Nhiệm vụ quá hạn: ${data.overdueTasks.length}</li>
<li>Báo cáo: ${s.submitted}/${s.owing} đơn vị đã nộp (${s.accepted} đã tiếp nhận, ${s.late} nộp muộn), ${s.missing} đơn vị chưa nộp quá hạn</li>
<li>Đơn vị chưa có Ban Chỉ đạo: ${data.unitsWithoutCommittee.length}; chưa có kế hoạch: ${data.unitsWithoutPlan.length}</li>
</ul></section>
${programSection(data)}
${overdueSection(data)}
${reportingSection(data)}
${scoreboardSection(data)}
<section id="don-vi"><h2>V. Đơn vị chưa có Ban Chỉ đạo hoặc kế hoạch</h2>
<h3>Đơn vị chưa có Ban Chỉ đạo chuyển đổi số</h3>${unitList(data.unitsWithoutCommittee, 'Tất cả đơn vị đã có Ban Chỉ đạo.')}
<h3>Đơn vị chưa ban hành kế hoạch chuyển đổi số</h3>${unitList(data.unitsWithoutPlan, 'Tất cả đơn vị đã có kế hoạch.')}
</section>
</body></html>
`;
  return page.toString();
}
