import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../test-support/xlsx-files.js';
import { DEFAULT_XLSX_READ_LIMITS } from './xlsx-limits.js';
import { writeWorkbook } from './xlsx-writer.js';
import { openZipEntries } from './zip-entries.js';

async function partText(file: Buffer, name: string): Promise<string> {
  const entries = await openZipEntries(file, DEFAULT_XLSX_READ_LIMITS);
  const chunks: Buffer[] = [];
  for await (const chunk of entries.read(name)) chunks.push(chunk);
  entries.close();
  return Buffer.concat(chunks).toString('utf8');
}

const SHEET = {
  name: 'Nhiệm vụ',
  columns: [
    { key: 'title', header: 'Tên nhiệm vụ', width: 48 },
    { key: 'deadline', header: 'Hạn hoàn thành', width: 13 },
  ],
  lines: [
    {
      values: {
        title: '=HYPERLINK("http://example.invalid","Mở")',
        deadline: new Date('2025-12-31T00:00:00Z'),
      },
    },
    { values: { title: '+1+1', deadline: null }, fill: '#FDE2E1' },
  ],
};

describe('xlsx writer', () => {
  it('writes text that looks like a formula as text, never as a formula', async () => {
    const file = await writeWorkbook([SHEET]);
    const xml = await partText(file, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
    expect(await readWorkbook(file)).toEqual({
      'Nhiệm vụ': [
        ['Tên nhiệm vụ', 'Hạn hoàn thành'],
        ['=HYPERLINK("http://example.invalid","Mở")', new Date('2025-12-31T00:00:00Z')],
        ['+1+1'],
      ],
    });
  });

  it('gives a table its layout: column widths, a frozen header row with a filter', async () => {
    const xml = await partText(await writeWorkbook([SHEET]), 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<col [^>]*width="48"/);
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain('<autoFilter ref="A1:B1"/>');
    const plain = await partText(await writeWorkbook([SHEET], 'bold'), 'xl/worksheets/sheet1.xml');
    expect(plain).not.toContain('autoFilter');
    expect(plain).not.toContain('<pane');
  });
});
