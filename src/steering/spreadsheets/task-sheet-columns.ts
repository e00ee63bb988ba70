import type { TaskStatus } from '../task-status.js';

/** One column of the task sheet: its key, the header a secretary reads, the API field it fills. */
export interface TaskSheetColumn {
  readonly key: string;
  readonly header: string;
  /** The JSON pointer of the task field the column fills (the program code is the path's program). */
  readonly pointer: string;
  readonly width: number;
}

/**
 * The columns of a task import sheet, in order (A…M). The program export writes its task sheet with
 * the same first thirteen columns, so an exported sheet is also an import template.
 */
export const TASK_SHEET_COLUMNS: readonly TaskSheetColumn[] = [
  { key: 'programCode', header: 'Mã chương trình', pointer: '/programCode', width: 14 },
  { key: 'groupCode', header: 'Mã nhóm', pointer: '/groupId', width: 10 },
  { key: 'code', header: 'Mã nhiệm vụ', pointer: '/code', width: 14 },
  { key: 'title', header: 'Tên nhiệm vụ', pointer: '/title', width: 48 },
  { key: 'expectedOutput', header: 'Sản phẩm đầu ra', pointer: '/expectedOutput', width: 36 },
  { key: 'leadUnitId', header: 'Đơn vị chủ trì', pointer: '/leadUnitId', width: 14 },
  { key: 'coordinatingUnitIds', header: 'Đơn vị phối hợp', pointer: '/coordinatingUnitIds', width: 22 },
  { key: 'startDate', header: 'Ngày bắt đầu', pointer: '/startDate', width: 13 },
  { key: 'deadline', header: 'Hạn hoàn thành', pointer: '/deadline', width: 13 },
  { key: 'fundingSource', header: 'Nguồn kinh phí', pointer: '/fundingSource', width: 24 },
  { key: 'weight', header: 'Trọng số', pointer: '/weight', width: 9 },
  { key: 'status', header: 'Trạng thái', pointer: '/status', width: 16 },
  { key: 'progress', header: 'Tiến độ (%)', pointer: '/progress', width: 11 },
];

/** The spreadsheet letter of a column index (0 → A). The task sheet has fewer than 27 columns. */
export const columnLetter = (index: number): string => String.fromCharCode(65 + index);

/** The column a task field's pointer belongs to ('/coordinatingUnitIds/2' → G), or undefined. */
export function columnOfPointer(pointer: string): { letter: string; header: string } | undefined {
  const field = pointer.split('/')[1] ?? '';
  const index = TASK_SHEET_COLUMNS.findIndex((column) => column.pointer === `/${field}`);
  if (index < 0) return undefined;
  return { letter: columnLetter(index), header: TASK_SHEET_COLUMNS[index]!.header };
}

/** How a task status reads in Vietnamese. */
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  'not-started': 'Chưa bắt đầu',
  'in-progress': 'Đang thực hiện',
  completed: 'Hoàn thành',
  suspended: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

// Spellings a secretary may type: the API codes, the labels, common variants ("huỷ" and "hủy" both occur).
const STATUS_SPELLINGS: Readonly<Record<string, TaskStatus>> = {
  'not-started': 'not-started',
  'chưa bắt đầu': 'not-started',
  'chưa thực hiện': 'not-started',
  'chưa triển khai': 'not-started',
  'in-progress': 'in-progress',
  'đang thực hiện': 'in-progress',
  'đang triển khai': 'in-progress',
  completed: 'completed',
  'hoàn thành': 'completed',
  'đã hoàn thành': 'completed',
  suspended: 'suspended',
  'tạm dừng': 'suspended',
  'tạm ngừng': 'suspended',
  cancelled: 'cancelled',
  hủy: 'cancelled',
  huỷ: 'cancelled',
  'đã hủy': 'cancelled',
  'đã huỷ': 'cancelled',
};

/** A status from its code or its Vietnamese label (any case), or undefined. */
export function parseTaskStatus(text: string): TaskStatus | undefined {
  return STATUS_SPELLINGS[text.normalize('NFC').trim().toLocaleLowerCase('vi')];
}
