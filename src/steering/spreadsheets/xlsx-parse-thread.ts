import { parentPort, workerData } from 'node:worker_threads';
import { XlsxRefusal, type XlsxReadLimits } from './xlsx-limits.js';
import { parseWorkbook, type ReadSheet, type XlsxReadRequest } from './xlsx-parse.js';

/** What the parse thread is started with. */
export interface ParseThreadInput {
  readonly file: Uint8Array;
  readonly request: XlsxReadRequest;
  readonly limits: XlsxReadLimits;
}

/** What the parse thread answers: the sheets, or why the workbook was refused. */
export type ParseThreadReply =
  | { readonly ok: true; readonly sheets: ReadSheet[] }
  | { readonly ok: false; readonly kind: XlsxRefusal['kind']; readonly detail: string };

// One workbook per thread: the thread parses it, answers once and ends. Anything but a refusal is
// a parser fault, which the reader sees as the thread's error event.
const { file, request, limits } = workerData as ParseThreadInput;
const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
try {
  const sheets = await parseWorkbook(buffer, request, limits);
  parentPort!.postMessage({ ok: true, sheets } satisfies ParseThreadReply);
} catch (error) {
  if (!(error instanceof XlsxRefusal)) throw error;
  parentPort!.postMessage({ ok: false, kind: error.kind, detail: error.detail } satisfies ParseThreadReply);
}
