import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One sample client's bearer token, as the tokens file holds it. */
export interface SampleToken {
  readonly system: string;
  readonly name: string;
  readonly token: string;
}

/** The tokens file: what it is, and a token per sample client system. */
interface SampleTokensFile {
  readonly about: string;
  readonly clients: readonly SampleToken[];
}

/** Where the sample tokens are kept: `sample-tokens.json` in the data directory. */
export function sampleTokensFile(dataDir: string): string {
  return join(dataDir, 'sample-tokens.json');
}

/**
 * Writes the sample clients' tokens, readable by the owner only (0600): they open the sample services to
 * whoever holds them. The registry keeps only their hashes, as for every token.
 */
export function writeSampleTokens(file: string, clients: readonly SampleToken[]): void {
  const content: SampleTokensFile = {
    about:
      'Mã truy cập mẫu của các hệ thống mẫu (dữ liệu mẫu), để gọi thử các dịch vụ mẫu qua cổng trao đổi; ' +
      'Sample bearer tokens of the sample client systems, to call the sample services through the exchange',
    clients,
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

/** Reads the sample tokens back; none when the file is gone. */
export function readSampleTokens(file: string): readonly SampleToken[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as SampleTokensFile).clients;
}
