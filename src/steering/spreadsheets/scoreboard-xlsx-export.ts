import { unitKindLabel } from '../unit-kinds.js';
import type { Scoreboard } from '../indicators/score-period.js';
import { writeWorkbook } from './xlsx-writer.js';

/**
 * Writes a scoreboard as an .xlsx workbook: the ranking ("Xếp hạng") and every component of every
 * score ("Thành phần": actual, target, raw ratio, attainment, weight, rule), so each index can be checked.
 */
export async function scoreboardWorkbook(board: Scoreboard): Promise<Buffer> {
  return writeWorkbook(
    [
      {
        name: 'Xếp hạng',
        columns: [
          { header: 'Hạng', key: 'rank', width: 8 },
          { header: 'Mã đơn vị', key: 'unitId', width: 16 },
          { header: 'Tên đơn vị', key: 'unitName', width: 48 },
          { header: 'Cấp', key: 'kind', width: 14 },
          { header: `Chỉ số ${board.period}`, key: 'index', width: 14 },
          { header: 'Số chỉ tiêu tính', key: 'counted', width: 16 },
          { header: 'Số chỉ tiêu có số liệu', key: 'reported', width: 20 },
        ],
        lines: board.units.map((unit) => ({
          values: {
            rank: unit.rank,
            unitId: unit.unitId,
            unitName: unit.unitName,
            kind: unitKindLabel(unit.kind),
            index: unit.index,
            counted: unit.counted,
            reported: unit.reported,
          },
        })),
      },
      {
        name: 'Thành phần',
        columns: [
          { header: 'Mã đơn vị', key: 'unitId', width: 16 },
          { header: 'Mã chỉ tiêu', key: 'indicatorCode', width: 12 },
          { header: 'Thực hiện', key: 'actual', width: 12 },
          { header: 'Mục tiêu', key: 'target', width: 12 },
          { header: 'Tỷ lệ', key: 'ratio', width: 12 },
          { header: 'Mức đạt', key: 'attainment', width: 12 },
          { header: 'Trọng số', key: 'weight', width: 10 },
          { header: 'Quy tắc', key: 'rule', width: 14 },
        ],
        lines: board.units.flatMap((unit) =>
          unit.components.map((component) => ({ values: { unitId: unit.unitId, ...component } })),
        ),
      },
    ],
    'bold',
  );
}
