/**
 * Verification throughput of the transaction log: fills a fresh SQLite store with 1,000,000 chained,
 * sealed entries (the log's own encoding, bulk-inserted), then times verifyLog over all of them three
 * times and reports the median run. BENCH_LOG_ENTRIES sets the entry count.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { chainRecord, genesisHash, makeSeal, verifyLog } from '../src/exchange/log/index.js';
import { CANONICAL_COLUMNS, sha256 } from '../src/exchange/log/entry-encoding.js';
import { createStore } from '../src/store/index.js';

const ENTRIES = Number(process.env.BENCH_LOG_ENTRIES ?? 1_000_000);
const TARGET_PER_S = 300_000;
const SEAL_EVERY = 1_000;
/** Verification runs over the same log; the median is reported. */
const RUNS = 3;
const NODE = 'bench-node-1';

/** Fills a temporary SQLite store, verifies it and prints the figures; the last line is machine-readable. */
export async function benchLogVerify(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cang-bench-log-'));
  const file = join(dir, 'cang.sqlite');
  const store = createStore({ sqliteFile: file });
  try {
    await store.migrate();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyId = 'bench-key';

    // 1. Fill through a second connection without fsync: this is setup, not what is measured. Rows are
    //    generated in a tight loop, in one transaction, with the log's own encoding: the canonical
    //    values in order through JSON.stringify, hash = SHA-256(prev ‖ canonical). The first entries are
    //    checked against chainRecord, so the bench cannot drift from the real encoding.
    const fillStarted = performance.now();
    const raw = new DatabaseSync(file);
    raw.exec('PRAGMA synchronous = OFF');
    raw.exec('PRAGMA cache_size = -524288');
    const insertEntry = raw.prepare(
      `insert into log_entries (${CANONICAL_COLUMNS.join(', ')}, prev_hash, hash) values (${CANONICAL_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    );
    const insertSeal = raw.prepare(
      'insert into log_seals (node_id, seq, head_hash, sealed_at, key_id, signature) values (?, ?, ?, ?, ?, ?)',
    );
    let prev = genesisHash(NODE);
    const fill = () => {
      raw.exec('BEGIN');
      for (let seq = 1; seq <= ENTRIES; seq++) {
        const r = sampleRecord(seq);
        const values: SQLInputValue[] = [
          NODE,
          seq,
          r.id,
          r.startedAt,
          r.clientId,
          r.serviceId,
          r.method,
          r.path,
          r.query,
          r.status,
          r.errorCode,
          r.requestBytes,
          r.responseBytes,
          r.requestBodyHash,
          r.responseBodyHash,
          r.requestHash,
          r.userId,
          r.subjectHash,
          r.purpose,
          r.traceId,
          r.durationMs,
        ];
        const hash = sha256(prev + JSON.stringify(values));
        if (seq <= 1_000 && hash !== chainRecord(r, NODE, seq, prev).hash) {
          throw new Error(`bench encoding differs from chainRecord at seq ${seq}`);
        }
        values.push(prev, hash);
        insertEntry.run(...values);
        prev = hash;
        if (seq % SEAL_EVERY === 0) {
          const s = makeSeal({ nodeId: NODE, seq, headHash: hash, sealedAt: r.startedAt }, privateKey, keyId);
          insertSeal.run(s.nodeId, s.seq, s.headHash, s.sealedAt, s.keyId, s.signature);
        }
        if (seq % 100_000 === 0) {
          process.stderr.write(`\rfilling: ${seq.toLocaleString('en')} / ${ENTRIES.toLocaleString('en')}`);
        }
      }
      raw.exec('COMMIT');
    };
    fill();
    raw.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    raw.close();
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stderr.write('\n');

    // 2. Verify, timed, three times over the same log: the median run is reported, with the CPU time
    //    of the whole process (every thread) per entry, which the machine's other load disturbs less.
    const runs: { seconds: number; cpuMicros: number; entries: number; seals: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      let lastShown = 0;
      const result = await verifyLog({
        store,
        publicKeys: new Map([[keyId, publicKey]]),
        onProgress: (done, total) => {
          if (done - lastShown >= 100_000 || done === total) {
            lastShown = done;
            process.stderr.write(
              `\rverifying (run ${run}/${RUNS}): ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
            );
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      process.stderr.write('\n');
      if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.firstBad)}`);
      runs.push({ seconds, cpuMicros: cpu.user + cpu.system, entries: result.entries, seals: result.seals });
      console.log(
        `log-verify: run ${run}: verified ${result.entries.toLocaleString('en')} entries and ${result.seals} seals in ${seconds.toFixed(2)} s ` +
          `(${Math.round(result.entries / seconds).toLocaleString('en')} entries/s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`,
      );
    }
    const median = runs.toSorted((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)]!;
    const perSecond = Math.round(median.entries / median.seconds);
    const cpuPerEntry = median.cpuMicros / median.entries;
    console.log(`log-verify: filled ${ENTRIES.toLocaleString('en')} entries in ${fillSeconds.toFixed(1)} s`);
    console.log(
      `log-verify: median of ${RUNS} runs: ${perSecond.toLocaleString('en')} entries/s, CPU ${cpuPerEntry.toFixed(2)} µs per entry`,
    );
    console.log(
      `BENCH log-verify entries=${median.entries} entries_per_s=${perSecond} cpu_us_per_entry=${cpuPerEntry.toFixed(2)} runs=${RUNS} target=${TARGET_PER_S} ratio_vs_target=${(perSecond / TARGET_PER_S).toFixed(2)}`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sampleRecord(seq: number) {
  return {
    id: `0190a0b0-${seq.toString(16).padStart(8, '0')}-7000-8000-000000000000`,
    startedAt: Date.UTC(2026, 10, 1) + seq * 50,
    durationMs: 3 + (seq % 997) / 7,
    clientId: 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA',
    serviceId: `VN-HP/GOV/000.00.01.H26/DVC/dich-vu-${seq % 20}`,
    method: seq % 5 === 0 ? 'POST' : 'GET',
    path: `/ho-so/${seq}`,
    query: seq % 3 === 0 ? null : 'trang=1',
    status: seq % 50 === 0 ? 404 : 200,
    errorCode: null,
    requestBytes: seq % 5 === 0 ? 512 : 0,
    responseBytes: 2048 + (seq % 1000),
    requestBodyHash: null,
    responseBodyHash: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg',
    requestHash: 'ZH1tL1e5ZbJrW9b3Zq0Xf5nU3wGJrLQyQ9Q3x6vJp2s',
    userId: 'nguyen.van.a',
    subjectHash: null,
    purpose: 'TTHC-1.001',
    traceId: '0af7651916cd43dd8448eb211c80319c',
  };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  await benchLogVerify();
}
