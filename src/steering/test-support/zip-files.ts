import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test zip; `declaredSize` makes its headers lie about its uncompressed size. */
export interface TestZipEntry {
  readonly name: string;
  readonly data: Buffer | string;
  readonly declaredSize?: number;
}

/**
 * Builds a zip file (deflated entries, no zip64) from the given entries, byte by byte as the format
 * says (APPNOTE 4.3), so a test can make the zips an attacker would: bombs, lying headers, thousands
 * of entries.
 */
export function buildZip(entries: readonly TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const compressed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a test workbook with one sheet: the sheet's `<sheetData>` children, and optionally more. */
export interface RawWorkbookParts {
  readonly sheetData: string;
  readonly sharedStrings?: readonly string[];
  /** `<numFmts>` and `<cellXfs>` inside the styles part. */
  readonly styles?: string;
  /** More entries, as they are. */
  readonly extra?: readonly TestZipEntry[];
  /** The sheet entry's data instead of the one built from `sheetData` (a bomb, say). */
  readonly sheetEntry?: Omit<TestZipEntry, 'name'>;
}

/** A minimal .xlsx workbook written by hand, to give the reader what no spreadsheet library writes. */
export function buildRawWorkbook(parts: RawWorkbookParts): Buffer {
  const relation = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Một" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relation('rId1', 'worksheet', 'worksheets/sheet1.xml')}${relation('rId2', 'sharedStrings', 'sharedStrings.xml')}${relation('rId3', 'styles', 'styles.xml')}</Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<sst xmlns="${MAIN}">${(parts.sharedStrings ?? []).join('')}</sst>`,
    },
    { name: 'xl/styles.xml', data: `<styleSheet xmlns="${MAIN}">${parts.styles ?? ''}</styleSheet>` },
    parts.sheetEntry === undefined
      ? {
          name: 'xl/worksheets/sheet1.xml',
          data: `<worksheet xmlns="${MAIN}"><sheetData>${parts.sheetData}</sheetData></worksheet>`,
        }
      : { name: 'xl/worksheets/sheet1.xml', ...parts.sheetEntry },
    ...(parts.extra ?? []),
  ]);
}

/**
 * A zip bomb shaped as a workbook: its sheet is `inflatedBytes` of blanks between valid tags, which
 * deflate about a thousand times. With `declaredSize`, its headers claim that size instead.
 */
export function buildBombWorkbook(inflatedBytes: number, declaredSize?: number): Buffer {
  const data = Buffer.alloc(inflatedBytes, ' ');
  data.write(`<worksheet xmlns="${MAIN}"><sheetData>`, 0);
  data.write('</sheetData></worksheet>', inflatedBytes - 24);
  return buildRawWorkbook({
    sheetData: '',
    sheetEntry: declaredSize === undefined ? { data } : { data, declaredSize },
  });
}

/** A workbook whose one sheet has `count` rows of two cells (a code and a number). */
export function buildManyRowsWorkbook(count: number): Buffer {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>R${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  );
  return buildRawWorkbook({ sheetData: rows.join('') });
}
