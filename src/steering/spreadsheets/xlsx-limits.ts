/**
 * How much of an uploaded workbook Cảng is willing to read. A workbook is a zip of XML parts; these
 * bounds are checked while the zip is read, before and during inflation, so a zip bomb is refused
 * having inflated at most `maxUncompressedBytes`.
 */
export interface XlsxReadLimits {
  /** Entries in the zip's central directory (Excel writes 10 to 30). */
  readonly maxEntries: number;
  /** Uncompressed bytes of all entries together, as declared and as actually inflated. */
  readonly maxUncompressedBytes: number;
  /** Uncompressed to compressed size of any entry larger than `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  /** Entries smaller than this are not held to the ratio: tiny parts compress oddly and cost nothing. */
  readonly ratioFloorBytes: number;
  /** Non-empty rows of a sheet; the read stops at the first row past it. */
  readonly maxRows: number;
  /** Heap of the thread that parses the workbook, in MiB: a parser that needs more is stopped. */
  readonly maxHeapMb: number;
  /** Time the parsing thread may take, in ms. */
  readonly timeoutMs: number;
}

/** The bounds used unless a caller narrows them (an import narrows `maxRows`). */
export const DEFAULT_XLSX_READ_LIMITS: XlsxReadLimits = Object.freeze({
  maxEntries: 200,
  maxUncompressedBytes: 40 * 1024 * 1024,
  // Spreadsheet XML compresses 5 to 30 times; deflate's own ceiling, reached by bombs, is about 1,000.
  maxCompressionRatio: 150,
  ratioFloorBytes: 256 * 1024,
  maxRows: 20_000,
  maxHeapMb: 192,
  timeoutMs: 30_000,
});

/** Why a workbook was not read: too large for the limits (413), or not a readable .xlsx file (400). */
export class XlsxRefusal extends Error {
  constructor(
    readonly kind: 'too-large' | 'unreadable',
    readonly detail: string,
  ) {
    super(detail);
  }
}
