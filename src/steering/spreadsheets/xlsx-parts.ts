import { posix } from 'node:path';
import { type XmlHandler, XmlScanner, XmlSyntaxError } from './xml-scanner.js';
import { XlsxRefusal } from './xlsx-limits.js';
import type { ZipEntries } from './zip-entries.js';

/** Streams one XML part of the zip through a scanner, chunk by chunk. */
export async function scanPart(entries: ZipEntries, name: string, handler: XmlHandler): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new XmlScanner(handler);
  try {
    for await (const chunk of entries.read(name)) scanner.write(decoder.decode(chunk, { stream: true }));
    scanner.write(decoder.decode());
    scanner.end();
  } catch (cause) {
    if (cause instanceof XlsxRefusal) throw cause;
    if (cause instanceof XmlSyntaxError || cause instanceof TypeError)
      throw new XlsxRefusal('unreadable', `${name} is not well-formed XML (${cause.message})`);
    throw cause;
  }
}

/** A sheet of the workbook: its name and the zip entry holding it. */
export interface SheetPart {
  readonly name: string;
  readonly path: string;
}

/** What the workbook part says: its sheets in order, where its other parts are, its date system. */
export interface WorkbookPart {
  readonly sheets: readonly SheetPart[];
  readonly sharedStrings: string | undefined;
  readonly styles: string | undefined;
  readonly date1904: boolean;
}

const RELATIONSHIP_TYPE = /\/(worksheet|sharedStrings|styles)$/;

/** The relationship targets of `xl/workbook.xml` by id, resolved to zip entry names. */
async function workbookRelations(entries: ZipEntries) {
  const byId = new Map<string, { type: string; path: string }>();
  await scanPart(entries, 'xl/_rels/workbook.xml.rels', {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const type = RELATIONSHIP_TYPE.exec(attributes.get('Type') ?? '')?.[1];
      const target = attributes.get('Target');
      if (type === undefined || target === undefined) return;
      const path = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
      byId.set(attributes.get('Id') ?? '', { type, path: posix.normalize(path) });
    },
    close() {},
    text() {},
  });
  return byId;
}

/** Reads the workbook part and its relationships; a zip without them is not an .xlsx workbook. */
export async function readWorkbookPart(entries: ZipEntries): Promise<WorkbookPart> {
  if (!entries.has('xl/workbook.xml') || !entries.has('xl/_rels/workbook.xml.rels'))
    throw new XlsxRefusal('unreadable', 'the zip file is not an .xlsx workbook');
  const relations = await workbookRelations(entries);
  const sheets: SheetPart[] = [];
  let date1904 = false;
  await scanPart(entries, 'xl/workbook.xml', {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.get('date1904') ?? '');
      if (name !== 'sheet') return;
      const id = [...attributes].find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      const relation = id === undefined ? undefined : relations.get(id);
      if (relation?.type === 'worksheet' && entries.has(relation.path))
        sheets.push({ name: attributes.get('name') ?? '', path: relation.path });
    },
    close() {},
    text() {},
  });
  const partOf = (type: string) => [...relations.values()].find((r) => r.type === type)?.path;
  const present = (path: string | undefined) => (path !== undefined && entries.has(path) ? path : undefined);
  return {
    sheets,
    sharedStrings: present(partOf('sharedStrings')),
    styles: present(partOf('styles')),
    date1904,
  };
}

/** The number format id of each cell style (`s` attribute of a cell), and the workbook's own formats. */
export interface StylesPart {
  readonly formatIdOfStyle: readonly number[];
  readonly customFormats: ReadonlyMap<number, string>;
}

/** Reads the number formats of the styles part (nothing else of it matters to a reader). */
export async function readStylesPart(entries: ZipEntries, path: string | undefined): Promise<StylesPart> {
  const formatIdOfStyle: number[] = [];
  const customFormats = new Map<number, string>();
  if (path === undefined) return { formatIdOfStyle, customFormats };
  let inCellXfs = false;
  await scanPart(entries, path, {
    open(name, attributes) {
      if (name === 'numFmt')
        customFormats.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIdOfStyle.push(Number(attributes.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return { formatIdOfStyle, customFormats };
}

/** Excel's escape of a character XML cannot hold, such as `_x000D_` for a carriage return. */
export const unescapeOoxml = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/**
 * Collects rich or plain text as a cell or a shared string shows it: every `<t>` inside, except the
 * phonetic guides (`<rPh>`), joined.
 */
export class TextCollector {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The text collected since the last take, and a fresh start. */
  take(): string {
    const text = unescapeOoxml(this.parts.join(''));
    this.parts = [];
    return text;
  }
}

/** Reads the shared strings, in order (cells of type `s` point into them by index). */
export async function readSharedStrings(entries: ZipEntries, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (path === undefined) return strings;
  const collector = new TextCollector();
  await scanPart(entries, path, {
    open: (name) => collector.open(name),
    close(name) {
      collector.close(name);
      if (name === 'si') strings.push(collector.take());
    },
    text: (text) => collector.text(text),
  });
  return strings;
}
