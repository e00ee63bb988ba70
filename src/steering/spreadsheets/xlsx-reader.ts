import { CangError, startModuleWorker } from '../../core/index.js';
import { DEFAULT_XLSX_READ_LIMITS, type XlsxReadLimits } from './xlsx-limits.js';
import type { ReadSheet, XlsxReadRequest } from './xlsx-parse.js';
import type { ParseThreadInput, ParseThreadReply } from './xlsx-parse-thread.js';
import type { SheetRow } from './xlsx-sheet-rows.js';

export type { SheetCell, SheetRow } from './xlsx-sheet-rows.js';
export type { ReadSheet } from './xlsx-parse.js';

const tooLarge = (detail: string, cause?: unknown) =>
  new CangError('spreadsheet-too-large', `The spreadsheet is refused: ${detail}`, {
    cause,
    errors: [{ pointer: '/file', detail }],
  });

const notAWorkbook = (detail: string, cause?: unknown) =>
  new CangError('validation-failed', `The file is not an .xlsx workbook: ${detail}`, {
    cause,
    errors: [{ pointer: '/file', detail: 'not an .xlsx workbook' }],
  });

/**
 * Parses a workbook in a thread of its own, with a capped heap and a deadline, so that a zip bomb,
 * a pathological sheet or a parser fault costs that thread and never the server: the thread is
 * stopped and the caller gets a problem instead.
 */
function parseInThread(
  file: Uint8Array,
  request: XlsxReadRequest,
  limits: XlsxReadLimits,
): Promise<ReadSheet[]> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, 'xlsx-parse-thread', {
      workerData: { file, request, limits } satisfies ParseThreadInput,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      void worker.terminate();
    };
    const deadline = setTimeout(
      () => settle(() => reject(tooLarge(`reading it took longer than ${limits.timeoutMs / 1000} s`))),
      limits.timeoutMs,
    );
    worker.once('message', (reply: ParseThreadReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.sheets);
        else reject(reply.kind === 'too-large' ? tooLarge(reply.detail) : notAWorkbook(reply.detail));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge('reading it needs more memory than Cảng allows', error)
            : notAWorkbook('the reader failed on it', error),
        ),
      ),
    );
    worker.once('exit', () => settle(() => reject(notAWorkbook('the reader stopped without an answer'))));
  });
}

/**
 * Reads the non-empty rows of an uploaded workbook's first sheet, its first `columns` cells each.
 * Throws `validation-failed` on /file when the file is not an .xlsx workbook, and
 * `spreadsheet-too-large` (413) when it is past the limits: a zip bomb, too many parts, too many rows.
 */
export async function readSheetRows(
  file: Uint8Array,
  columns: number,
  limits: Partial<XlsxReadLimits> = {},
): Promise<SheetRow[]> {
  const sheets = await parseInThread(
    file,
    { sheets: 'first', columns },
    { ...DEFAULT_XLSX_READ_LIMITS, ...limits },
  );
  return sheets[0]?.rows ?? [];
}

/** Reads every sheet of a workbook whole (each row up to its last filled cell), within the same limits. */
export function readWorkbookSheets(
  file: Uint8Array,
  limits: Partial<XlsxReadLimits> = {},
): Promise<ReadSheet[]> {
  return parseInThread(file, { sheets: 'all' }, { ...DEFAULT_XLSX_READ_LIMITS, ...limits });
}
