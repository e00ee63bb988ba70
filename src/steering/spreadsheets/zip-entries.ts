import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { type XlsxReadLimits, XlsxRefusal } from './xlsx-limits.js';

/** An entry of an opened zip, by name, readable as a stream of its inflated bytes. */
export interface ZipEntries {
  has(name: string): boolean;
  /** The inflated bytes of an entry, chunk by chunk; counts towards the limit on inflated bytes. */
  read(name: string): AsyncIterable<Buffer>;
  close(): void;
}

const unreadable = (detail: string) => new XlsxRefusal('unreadable', detail);
const tooLarge = (detail: string) => new XlsxRefusal('too-large', detail);

/**
 * Opens a zip held in memory and checks its central directory against the limits before inflating
 * anything: the entry count, each entry's declared size and compression ratio, and their total.
 * While an entry is read, its actual inflated size is checked too (yauzl refuses an entry that
 * inflates to more than it declared, and the running total is capped here), so a lying header
 * cannot inflate past the limit either.
 */
export async function openZipEntries(file: Buffer, limits: XlsxReadLimits): Promise<ZipEntries> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true });
  } catch (cause) {
    throw unreadable(`not a zip file (${(cause as Error).message})`);
  }
  if (zip.entryCount > limits.maxEntries)
    throw tooLarge(`the workbook has ${zip.entryCount} parts, more than ${limits.maxEntries}`);
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes)
        throw tooLarge(`the workbook inflates to more than ${limits.maxUncompressedBytes} bytes`);
      if (
        entry.uncompressedSize > limits.ratioFloorBytes &&
        entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
      )
        throw tooLarge(`${entry.fileName} is compressed more than ${limits.maxCompressionRatio} times`);
      entries.set(entry.fileName, entry);
    }
  } catch (cause) {
    zip.close();
    if (cause instanceof XlsxRefusal) throw cause;
    throw unreadable(`a broken zip file (${(cause as Error).message})`);
  }
  let inflated = 0;
  return {
    has: (name) => entries.has(name),
    async *read(name) {
      const entry = entries.get(name);
      if (entry === undefined) throw unreadable(`the workbook has no ${name}`);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (cause) {
        throw unreadable(`${name} cannot be read (${(cause as Error).message})`);
      }
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > limits.maxUncompressedBytes)
            throw tooLarge(`the workbook inflates to more than ${limits.maxUncompressedBytes} bytes`);
          yield chunk;
        }
      } catch (cause) {
        if (cause instanceof XlsxRefusal) throw cause;
        // yauzl's own check: the entry inflates to more than its header declares.
        const message = (cause as Error).message;
        if (/too many bytes|exceeded/i.test(message))
          throw tooLarge(`${name} inflates past its declared size`);
        throw unreadable(`${name} is damaged (${message})`);
      } finally {
        stream.destroy();
      }
    },
    close: () => zip.close(),
  };
}
