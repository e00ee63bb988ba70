/** What an XML scanner reports: start tags (with their attributes), end tags and text. */
export interface XmlHandler {
  /** A start tag by its local name (prefix dropped); an empty-element tag `<a/>` is an open and a close. */
  open(name: string, attributes: ReadonlyMap<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The XML is not the simple, DTD-free XML of a workbook part. */
export class XmlSyntaxError extends Error {}

// A single tag or text run longer than this is no spreadsheet, and would otherwise be held whole.
const MAX_TOKEN_CHARS = 4 * 1024 * 1024;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its character and the five predefined entity references replaced. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The end of a tag starting at `from` (the index of its '>'), skipping '>' inside quoted values; -1 if absent. */
function tagEnd(buffer: string, from: number): number {
  let quote = '';
  for (let i = from; i < buffer.length; i++) {
    const char = buffer[i]!;
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return -1;
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A streaming scanner for the XML parts of a workbook: fed decoded text in chunks of any size, it
 * holds at most one unfinished token, so a sheet of any length is read in constant memory. It
 * refuses document type declarations (and with them entity expansion) and unbalanced tags;
 * comments, processing instructions and CDATA sections are handled, namespaces reduced to local names.
 */
export class XmlScanner {
  private buffer = '';
  /** The elements open now, innermost last: every end tag must close the innermost. */
  private readonly open: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  /** Scans what it can of `chunk`, keeping an unfinished token for the next one. */
  write(chunk: string): void {
    this.buffer += chunk;
    let at = 0;
    const buffer = this.buffer;
    while (at < buffer.length) {
      const lt = buffer.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at) this.handler.text(decodeXmlText(buffer.slice(at, lt)));
      at = lt;
      const consumed = this.token(buffer, lt);
      if (consumed < 0) break;
      at = consumed;
    }
    this.buffer = buffer.slice(at);
    if (this.buffer.length > MAX_TOKEN_CHARS) throw new XmlSyntaxError('an XML token is too long');
  }

  /** Checks that nothing is left unfinished. */
  end(): void {
    if (this.buffer.trim() !== '' && this.buffer.includes('<'))
      throw new XmlSyntaxError('the XML ends inside a tag');
    if (this.open.length > 0) throw new XmlSyntaxError(`<${this.open.at(-1)}> is never closed`);
    this.buffer = '';
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private token(buffer: string, lt: number): number {
    if (buffer.startsWith('<!--', lt)) {
      const end = buffer.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buffer.startsWith('<![CDATA[', lt)) {
      const end = buffer.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(buffer.slice(lt + 9, end));
      return end + 3;
    }
    if (buffer.startsWith('<?', lt)) {
      const end = buffer.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (buffer.startsWith('<!', lt)) {
      if (buffer.length - lt < 9) return -1;
      throw new XmlSyntaxError('document type declarations are not accepted');
    }
    const end = tagEnd(buffer, lt + 1);
    if (end < 0) return -1;
    const body = buffer.slice(lt + 1, end);
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      if (this.open.pop() !== name) throw new XmlSyntaxError(`</${name}> closes no open element`);
      this.handler.close(localName(name));
      return end + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/[\s]|$/);
    const name = inner.slice(0, nameEnd);
    if (name === '') throw new XmlSyntaxError('a tag has no name');
    const attributes = new Map<string, string>();
    for (const match of inner.slice(nameEnd).matchAll(ATTRIBUTE)) {
      attributes.set(match[1]!, decodeXmlText(match[2] ?? match[3] ?? ''));
    }
    this.handler.open(localName(name), attributes);
    if (selfClosing) this.handler.close(localName(name));
    else this.open.push(name);
    return end + 1;
  }
}
