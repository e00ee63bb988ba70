import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildBombWorkbook,
  buildManyRowsWorkbook,
  buildRawWorkbook,
  buildZip,
} from '../test-support/zip-files.js';
import { DEFAULT_XLSX_READ_LIMITS } from './xlsx-limits.js';
import { readSheetRows } from './xlsx-reader.js';

const MiB = 1024 * 1024;

/** Expects the read to be refused with the code and a /file problem whose detail matches. */
async function expectRefused(read: Promise<unknown>, code: string, detail: RegExp): Promise<void> {
  const error = (await read.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as { code?: string; errors?: { pointer: string; detail: string }[] } | undefined;
  expect(error?.code).toBe(code);
  expect(error?.errors?.[0]?.pointer).toBe('/file');
  expect(error?.errors?.[0]?.detail).toMatch(detail);
}

/** After every refusal the reader still reads a good workbook: the refusal cost a thread, not the process. */
async function expectStillReading(): Promise<void> {
  const rows = await readSheetRows(buildManyRowsWorkbook(2), 2);
  expect(rows.map((row) => row.cells[0]!.value)).toEqual(['R0', 'R1']);
}

describe('xlsx reader limits, from the uploader’s side', () => {
  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = buildBombWorkbook(16 * MiB);
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectRefused(readSheetRows(bomb, 2), 'spreadsheet-too-large', /compressed more than 150 times/);
    await expectStillReading();
  });

  it('refuses a bomb whose headers lie about its size once it inflates past what it declared', async () => {
    const liar = buildBombWorkbook(16 * MiB, 1000);
    await expectRefused(readSheetRows(liar, 2), 'spreadsheet-too-large', /inflates past its declared size/);
    await expectStillReading();
  });

  it('refuses a workbook that inflates to more than the total, as declared', async () => {
    const big = buildRawWorkbook({
      sheetData: '',
      extra: [{ name: 'xl/media/noise.bin', data: randomBytes(2 * MiB) }],
    });
    await expectRefused(
      readSheetRows(big, 2, { maxUncompressedBytes: MiB }),
      'spreadsheet-too-large',
      /inflates to more than 1048576 bytes/,
    );
    expect(DEFAULT_XLSX_READ_LIMITS.maxUncompressedBytes).toBe(40 * MiB);
  });

  it('refuses a zip of too many entries before reading any', async () => {
    const entries = Array.from({ length: 201 }, (_, i) => ({ name: `xl/extra/${i}.xml`, data: '<a/>' }));
    await expectRefused(
      readSheetRows(buildRawWorkbook({ sheetData: '', extra: entries }), 2),
      'spreadsheet-too-large',
      /more than 200/,
    );
  });

  it('stops reading a sheet at the first row past the limit', async () => {
    await expectRefused(
      readSheetRows(buildManyRowsWorkbook(101), 2, { maxRows: 100 }),
      'spreadsheet-too-large',
      /more than 100 rows/,
    );
    expect(await readSheetRows(buildManyRowsWorkbook(100), 2, { maxRows: 100 })).toHaveLength(100);
  });

  it('stops a parse that needs more memory than allowed, and keeps serving', async () => {
    // 60,000 distinct shared strings of 200 characters: a few MiB compressed, far more as strings.
    const strings = Array.from(
      { length: 60_000 },
      (_, i) => `<si><t>${String(i).padStart(200, 'x')}</t></si>`,
    );
    const heavy = buildRawWorkbook({ sheetData: '', sharedStrings: strings });
    // The same heap reads a small workbook: it is the heavy one that runs out.
    expect(await readSheetRows(buildManyRowsWorkbook(2), 2, { maxHeapMb: 16 })).toHaveLength(2);
    await expectRefused(
      readSheetRows(heavy, 2, { maxHeapMb: 16 }),
      'spreadsheet-too-large',
      /more memory than Cảng allows/,
    );
    await expectStillReading();
  });

  it('stops a parse that takes longer than its deadline', async () => {
    await expectRefused(
      readSheetRows(buildManyRowsWorkbook(10), 2, { timeoutMs: 1 }),
      'spreadsheet-too-large',
      /longer than/,
    );
  });

  it('refuses a malformed zip, a zip that is no workbook and XML with a DTD as validation-failed', async () => {
    const good = buildManyRowsWorkbook(3);
    const cases = [
      good.subarray(0, good.length - 40),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(4096)]),
      buildZip([{ name: 'readme.txt', data: 'not a workbook' }]),
      buildRawWorkbook({
        sheetData: '',
        sheetEntry: {
          data: '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet><sheetData/></worksheet>',
        },
      }),
      buildRawWorkbook({ sheetData: '<row r="1"><c r="A1"><v>1</v></c>' }),
    ];
    for (const file of cases) {
      await expectRefused(readSheetRows(file, 2), 'validation-failed', /^not an \.xlsx workbook$/);
    }
    await expectStillReading();
  });
});
