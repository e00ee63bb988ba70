import { DatabaseSync } from 'node:sqlite';

/** How long a connection waits for another connection's write lock before it fails with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a SQLite file (or `:memory:`) with Cảng's settings, the one place they are written: every
 * connection, the store's own and those of the log's worker threads, opens through here.
 * WAL lets readers run beside the writer; synchronous=FULL makes each commit durable, which the
 * transaction log needs ("durable before answer", ARCHITECTURE.md). A read-only connection skips the
 * settings that write and maps the file into memory for long sequential reads.
 */
export function openSqliteDatabase(
  file: string,
  options: { readonly readOnly?: boolean } = {},
): DatabaseSync {
  const readOnly = options.readOnly === true;
  const db = new DatabaseSync(file, {
    readOnly,
    timeout: BUSY_TIMEOUT_MS,
    enableForeignKeyConstraints: true,
  });
  if (readOnly) {
    // Pages straight from the OS page cache instead of a read() each into SQLite's cache: about a third
    // faster on a sequential walk. Nothing is ever written through the map.
    db.exec('PRAGMA mmap_size = 4294967296');
  } else {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    // A statement's journal (the undo of a multi-row INSERT, should it fail half-way) stays in memory:
    // in a file it cost every group commit of the log a temporary file created, written and unlinked.
    db.exec('PRAGMA temp_store = MEMORY');
  }
  return db;
}
