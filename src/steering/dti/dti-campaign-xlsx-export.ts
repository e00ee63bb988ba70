import ExcelJS from 'exceljs';
import {
  fileNamePart,
  formulaSafeText,
  type GeneratedFile,
  dateCell,
  styleHeader,
} from '../spreadsheets/xlsx-file.js';
import type { DtiCampaignView, DtiItemStatus } from './dti-campaign-schemas.js';

/** The status of an item as the sheet shows it. */
export const DTI_STATUS_LABELS: Readonly<Record<DtiItemStatus, string>> = {
  unassigned: 'Chưa giao',
  assigned: 'Đang thực hiện',
  overdue: 'Quá hạn',
  submitted: 'Đã nhập',
};

/**
 * The campaign as an .xlsx workbook (layout in docs/operator-guide.md): sheet "Tự đánh giá", one row per
 * item of the method (main indices, then components), with columns Mã chỉ số, Chỉ số, Chỉ số chính,
 * Điểm tối đa, Mã đơn vị, Đơn vị chủ trì, Hạn, Điểm, Giá trị, Minh chứng, Trạng thái; and sheet "Ước tính"
 * with the city's estimate per main index and the notice when the method's points are not confirmed.
 */
export async function dtiCampaignWorkbook(campaign: DtiCampaignView): Promise<GeneratedFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cảng';
  const sheet = workbook.addWorksheet('Tự đánh giá');
  sheet.columns = [
    { header: 'Mã chỉ số', key: 'itemCode', width: 12 },
    { header: 'Chỉ số', key: 'itemName', width: 48 },
    { header: 'Chỉ số chính', key: 'parentCode', width: 12 },
    { header: 'Điểm tối đa', key: 'maxPoints', width: 12 },
    { header: 'Mã đơn vị', key: 'unitId', width: 14 },
    { header: 'Đơn vị chủ trì', key: 'unitName', width: 40 },
    { header: 'Hạn', key: 'deadline', width: 12 },
    { header: 'Điểm', key: 'points', width: 10 },
    { header: 'Giá trị', key: 'value', width: 10 },
    { header: 'Minh chứng', key: 'evidence', width: 48 },
    { header: 'Trạng thái', key: 'status', width: 16 },
  ];
  for (const item of campaign.items)
    sheet.addRow({
      ...item,
      itemName: formulaSafeText(item.itemName),
      unitName: formulaSafeText(item.unitName),
      evidence: formulaSafeText(item.evidence),
      deadline: dateCell(item.deadline),
      status: DTI_STATUS_LABELS[item.status],
    });
  sheet.getColumn('deadline').numFmt = 'dd/mm/yyyy';
  styleHeader(sheet);

  const estimate = workbook.addWorksheet('Ước tính');
  estimate.columns = [
    { header: 'Mã chỉ số', key: 'code', width: 12 },
    { header: 'Chỉ số chính', key: 'name', width: 40 },
    { header: 'Điểm', key: 'points', width: 10 },
    { header: 'Điểm tối đa', key: 'maxPoints', width: 12 },
    { header: 'Giá trị', key: 'value', width: 10 },
    { header: 'Trọng số', key: 'weight', width: 10 },
  ];
  for (const index of campaign.estimate.indices) estimate.addRow(index);
  estimate.addRow({
    code: 'DTI',
    name: `Tổng (${campaign.method.decisionNumber})`,
    value: campaign.estimate.total,
  });
  if (campaign.estimate.notice !== null) estimate.addRow({ name: campaign.estimate.notice });
  styleHeader(estimate);
  return {
    fileName: `tu-danh-gia-dti-${campaign.year}-${fileNamePart(campaign.method.code)}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
