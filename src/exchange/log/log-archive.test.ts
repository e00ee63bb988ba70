import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from '../../../test/support/dialects.js';
import type { Store } from '../../store/index.js';
import { exportLog } from './export-log.js';
import { appendSequentially, buildNodeKey, openLog, type TestNodeKey } from './test-support/log-fixtures.js';
import { verifyArchive } from './verify-archive.js';

const NODE = 'hp-node-1';

/** Rewrites the uncompressed archive text. */
function editArchive(file: string, edit: (text: string) => string): void {
  writeFileSync(file, gzipSync(edit(gunzipSync(readFileSync(file)).toString('utf8'))));
}

for (const dialect of DIALECTS) {
  describe(`log archive on ${dialect}`, () => {
    let store: Store;
    let key: TestNodeKey;
    let dir: string;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cang-archive-'));
      store = await createTestStore(dialect);
      key = buildNodeKey();
      const log = await openLog(store, key, { sealEveryEntries: 10 });
      await appendSequentially(log, 25);
      await log.close();
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('exports a signed archive that verifies offline', async () => {
      const file = join(dir, 'log.ndjson.gz');
      const exporter = buildNodeKey('auditor-export');
      const written = await exportLog({
        store,
        file,
        signingKey: exporter.privateKey,
        keyId: exporter.keyId,
        publicKeys: key.publicKeys,
        onProgress: () => {},
      });
      expect(written).toMatchObject({ entries: 25, seals: 3, nodes: [NODE] });
      const result = await verifyArchive(file, exporter.publicKey);
      expect(result).toMatchObject({ ok: true, signatureValid: true, entries: 25, seals: 3, nodes: [NODE] });
      expect(result.anchors[NODE]!.seq).toBe(0);
      expect(result.firstBad).toBeUndefined();
    });

    it('verifies an archive that starts mid-chain and states its anchor', async () => {
      const file = join(dir, 'part.ndjson.gz');
      await exportLog({
        store,
        file,
        from: 8,
        to: 21,
        signingKey: key.privateKey,
        keyId: key.keyId,
        onProgress: () => {},
      });
      const hash7 = await store.db
        .selectFrom('log_entries')
        .select('hash')
        .where('seq', '=', 7)
        .executeTakeFirstOrThrow();
      const result = await verifyArchive(file, key.publicKey);
      expect(result).toMatchObject({
        ok: true,
        entries: 14,
        seals: 2,
        anchors: { [NODE]: { seq: 7, hash: hash7.hash } },
      });
    });

    it('fails naming the seq when a byte of an entry line is edited', async () => {
      const file = join(dir, 'log.ndjson.gz');
      await exportLog({ store, file, signingKey: key.privateKey, keyId: key.keyId, onProgress: () => {} });
      editArchive(file, (text) => {
        const lines = text.split('\n');
        const at = lines.findIndex((l) => l.startsWith('["e","hp-node-1",13,'));
        lines[at] = lines[at]!.replace('"GET"', '"PUT"');
        return lines.join('\n');
      });
      const result = await verifyArchive(file, key.publicKey);
      expect(result).toMatchObject({
        ok: false,
        signatureValid: false,
        firstBad: { nodeId: NODE, seq: 13, reason: 'hash-mismatch' },
      });
    });

    it('fails when the signature is edited or the archive was signed by another key', async () => {
      const file = join(dir, 'log.ndjson.gz');
      await exportLog({ store, file, signingKey: key.privateKey, keyId: key.keyId, onProgress: () => {} });
      expect((await verifyArchive(file, buildNodeKey().publicKey)).signatureValid).toBe(false);
      editArchive(file, (text) =>
        text.replace(/"signature":"(.)/, (_, c: string) => `"signature":"${c === 'A' ? 'B' : 'A'}`),
      );
      const result = await verifyArchive(file, key.publicKey);
      expect(result).toMatchObject({ ok: false, signatureValid: false });
      expect(result.firstBad).toBeUndefined();
    });

    it('fails when an entry line is removed', async () => {
      const file = join(dir, 'log.ndjson.gz');
      await exportLog({ store, file, signingKey: key.privateKey, keyId: key.keyId, onProgress: () => {} });
      editArchive(file, (text) =>
        text
          .split('\n')
          .filter((l) => !l.startsWith('["e","hp-node-1",5,'))
          .join('\n'),
      );
      expect((await verifyArchive(file, key.publicKey)).firstBad).toEqual({
        nodeId: NODE,
        seq: 5,
        reason: 'missing-entry',
      });
    });
  });
}
