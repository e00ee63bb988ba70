import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, LogEntryTable } from '../../store/index.js';
import { entryToRow } from './entry-encoding.js';
import type { ChainedEntry } from './log-entry.js';

/** The `log_entries` columns in the order of `entryToRow`'s row. */
const COLUMNS = Object.keys(entryToRow({} as ChainedEntry)) as readonly (keyof LogEntryTable)[];
// 23 columns: 1400 rows = 32200 parameters, under SQLite's 32766.
const ROWS_PER_INSERT = 1400;
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(',')})`;
const INSERT_HEAD = `insert into log_entries (${COLUMNS.join(', ')}) values `;

/**
 * Inserts chained entries on SQLite with multi-row INSERTs written directly, inside the caller's
 * transaction: the same statement Kysely's builder compiles for `insertEntries`, without building,
 * validating and compiling a query tree of 23 values per entry on every group commit, which cost the
 * commit thread more than the statement itself.
 */
export async function insertEntriesOnSqlite(
  trx: Kysely<Database>,
  entries: readonly ChainedEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const slice = entries.slice(i, i + ROWS_PER_INSERT);
    const parameters: unknown[] = [];
    for (const entry of slice) {
      const row = entryToRow(entry);
      for (const column of COLUMNS) parameters.push(row[column]);
    }
    const rows = new Array<string>(slice.length).fill(ROW_PLACEHOLDERS).join(',');
    await trx.executeQuery(CompiledQuery.raw(INSERT_HEAD + rows, parameters));
  }
}
