import { dateCell, fileNamePart, type GeneratedFile } from '../spreadsheets/xlsx-file.js';
import { writeWorkbook } from '../spreadsheets/xlsx-writer.js';
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
 * Text is always written as text cells, so nothing a unit entered can become a formula.
 */
export async function dtiCampaignWorkbook(campaign: DtiCampaignView): Promise<GeneratedFile> {
  const content = await writeWorkbook([
    {
      name: 'Tự đánh giá',
      columns: [
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
      ],
      lines: campaign.items.map((item) => ({
        values: {
          itemCode: item.itemCode,
          itemName: item.itemName,
          parentCode: item.parentCode,
          maxPoints: item.maxPoints,
          unitId: item.unitId,
          unitName: item.unitName,
          deadline: dateCell(item.deadline),
          points: item.points,
          value: item.value,
          evidence: item.evidence,
          status: DTI_STATUS_LABELS[item.status],
        },
      })),
    },
    {
      name: 'Ước tính',
      columns: [
        { header: 'Mã chỉ số', key: 'code', width: 12 },
        { header: 'Chỉ số chính', key: 'name', width: 40 },
        { header: 'Điểm', key: 'points', width: 10 },
        { header: 'Điểm tối đa', key: 'maxPoints', width: 12 },
        { header: 'Giá trị', key: 'value', width: 10 },
        { header: 'Trọng số', key: 'weight', width: 10 },
      ],
      lines: [
        ...campaign.estimate.indices.map((index) => ({
          values: {
            code: index.code,
            name: index.name,
            points: index.points,
            maxPoints: index.maxPoints,
            value: index.value,
            weight: index.weight,
          },
        })),
        {
          values: {
            code: 'DTI',
            name: `Tổng (${campaign.method.decisionNumber})`,
            value: campaign.estimate.total,
          },
          bold: true,
        },
        ...(campaign.estimate.notice === null ? [] : [{ values: { name: campaign.estimate.notice } }]),
      ],
    },
  ]);
  return {
    fileName: `tu-danh-gia-dti-${campaign.year}-${fileNamePart(campaign.method.code)}.xlsx`,
    content,
  };
}
