import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { uuidV7 } from '../../../core/index.js';
import type { Store } from '../../../store/index.js';
import type { TransactionRecord } from '../log-entry.js';
import {
  createTransactionLog,
  type NodeTransactionLog,
  type TransactionLogOptions,
} from '../transaction-log.js';

/** A node key pair with its id, as the registry would hold it. */
export interface TestNodeKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeys: ReadonlyMap<string, KeyObject>;
}

/** Generates a node key pair. */
export function buildNodeKey(keyId = 'node-key-1'): TestNodeKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId, privateKey, publicKey, publicKeys: new Map([[keyId, publicKey]]) };
}

/** A plausible transaction record; override what the test is about. */
export function buildRecord(overrides: Partial<TransactionRecord> = {}): TransactionRecord {
  return {
    id: uuidV7(),
    startedAt: Date.UTC(2026, 10, 26, 9, 30, 15),
    durationMs: 12.345,
    clientId: 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA',
    serviceId: 'VN-HP/GOV/000.00.01.H26/DVC/tra-cuu-ho-so',
    method: 'GET',
    path: '/ho-so/12345',
    query: 'trang=1',
    status: 200,
    errorCode: null,
    requestBytes: 0,
    responseBytes: 2048,
    requestBodyHash: null,
    responseBodyHash: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg',
    requestHash: 'ZH1tL1e5ZbJrW9b3Zq0Xf5nU3wGJrLQyQ9Q3x6vJp2s',
    userId: 'nguyen.van.a',
    subjectHash: null,
    purpose: 'TTHC-1.001',
    traceId: '0af7651916cd43dd8448eb211c80319c',
    ...overrides,
  };
}

/** Opens a log on the store with small seal intervals and the given key. */
export function openLog(
  store: Store,
  key: TestNodeKey,
  overrides: Partial<TransactionLogOptions> = {},
): Promise<NodeTransactionLog> {
  return createTransactionLog({
    store,
    nodeId: 'hp-node-1',
    signingKey: key.privateKey,
    keyId: key.keyId,
    sealEveryEntries: 10,
    sealEverySeconds: 3600,
    groupCommitMaxEntries: 500,
    ...overrides,
  });
}

/** Appends `count` records one after another (each awaited), so groups hold one entry. */
export async function appendSequentially(
  log: NodeTransactionLog,
  count: number,
  base: Partial<TransactionRecord> = {},
): Promise<void> {
  for (let i = 0; i < count; i++)
    await log.append(
      buildRecord({ ...base, startedAt: (base.startedAt ?? Date.UTC(2026, 10, 26, 9, 30, 0)) + i }),
    );
}
