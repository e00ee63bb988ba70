/**
 * The log's commit worker thread (started by sqlite-commit-worker.ts): its own connection to the
 * store's SQLite file, opened like every other, and the very writeBatch the main thread uses on
 * PostgreSQL, with the entries inserted by a statement written directly (sqlite-entry-insert.ts). Batches are written one after another, each in one transaction; a failed batch rolls
 * back whole and is answered with its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteKysely } from '../../store/sqlite-kysely.js';
import { type CommitBatch, writeBatch } from './log-writer.js';
import type { CommitReply } from './sqlite-commit-worker.js';
import { insertEntriesOnSqlite } from './sqlite-entry-insert.js';

type Message = { readonly id: number; readonly batch: CommitBatch } | { readonly close: true };

const port = parentPort!;
const store = { db: openSqliteKysely((workerData as { file: string }).file), dialect: 'sqlite' } as const;
let previous: Promise<void> = Promise.resolve();

async function handle(message: Message): Promise<void> {
  if ('close' in message) {
    await store.db.destroy();
    port.close();
    return;
  }
  let reply: CommitReply;
  try {
    await writeBatch(store, message.batch, insertEntriesOnSqlite);
    reply = { id: message.id };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
}

port.on('message', (message: Message) => {
  previous = previous.then(() => handle(message));
});
