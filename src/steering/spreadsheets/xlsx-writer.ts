import type { Blob } from 'node:buffer';
import type Stream from 'node:stream';
import writeExcelFile, { type Cell, type Feature, type Row } from 'write-excel-file/node';
import { getCellAddress, insertElementMarkupAccordingToOrderOfSiblings } from 'write-excel-file/utility';

/** A value to write: text (always a text cell, never a formula), a number, a date cell, or empty. */
export type WorkbookValue = string | number | Date | null | undefined;

/** A column of a written sheet: the key rows fill it by, its header, width and number format. */
export interface WorkbookColumn {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  /** For date and number cells; a date cell without one shows dd/mm/yyyy. */
  readonly format?: string;
}

/** A row to write, by column key, optionally bold or shaded (an ARGB-less '#RRGGBB' colour). */
export interface WorkbookLine {
  readonly values: Readonly<Record<string, WorkbookValue>>;
  readonly bold?: boolean;
  readonly fill?: string;
}

/** A sheet to write: a header row of the columns' headers, then the lines. */
export interface WorkbookSheet {
  readonly name: string;
  readonly columns: readonly WorkbookColumn[];
  readonly lines: readonly WorkbookLine[];
}

/** What write-excel-file's Node build holds a file's parts as (its FileContent, not exported). */
type SheetFileContent = Stream | Buffer | Blob;

/** How the header row looks: a table's (bold, frozen, with a filter) or just bold. */
export type HeaderStyle = 'table' | 'bold';

const DATE = 'dd/mm/yyyy';

// The order of a worksheet's children (ECMA-376 part 1, 18.3.1.99) up to autoFilter and after it.
const WORKSHEET_CHILDREN = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
];

/** A filter over the header row of every sheet (write-excel-file has freezing but no filter). */
const HEADER_FILTER: Feature<SheetFileContent> = {
  files: {
    transform: {
      'xl/worksheets/sheet{id}.xml': {
        transform(xml, options) {
          const columns = options.columns?.length ?? 0;
          if (columns === 0) return xml;
          const ref = `A1:${getCellAddress(0, columns - 1)}`;
          return insertElementMarkupAccordingToOrderOfSiblings(
            xml,
            `<autoFilter ref="${ref}"/>`,
            WORKSHEET_CHILDREN,
            'worksheet',
          );
        },
      },
    },
  },
};

/** A value as a typed cell: text is written as text whatever it starts with ('=' included). */
function cellOf(value: WorkbookValue, column: WorkbookColumn, line: WorkbookLine): Cell {
  const style = {
    ...(line.bold === true ? { fontWeight: 'bold' as const } : {}),
    ...(line.fill === undefined ? {} : { backgroundColor: line.fill }),
  };
  if (value === null || value === undefined) return Object.keys(style).length === 0 ? null : style;
  if (typeof value === 'string') return { type: String, value, ...style };
  if (typeof value === 'number')
    return { type: Number, value, ...(column.format ? { format: column.format } : {}), ...style };
  return { type: Date, value, format: column.format ?? DATE, ...style };
}

/** Writes sheets as an .xlsx workbook, each with its header row styled alike. */
export async function writeWorkbook(
  sheets: readonly WorkbookSheet[],
  header: HeaderStyle = 'table',
): Promise<Buffer> {
  return writeExcelFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      columns: sheet.columns.map((column) => ({ width: column.width })),
      ...(header === 'table' ? { stickyRowsCount: 1 } : {}),
      data: [
        sheet.columns.map((column) => ({ type: String, value: column.header, fontWeight: 'bold' as const })),
        ...sheet.lines.map(
          (line): Row => sheet.columns.map((column) => cellOf(line.values[column.key], column, line)),
        ),
      ],
    })),
    header === 'table' ? { features: [HEADER_FILTER] } : {},
  ).toBuffer();
}
