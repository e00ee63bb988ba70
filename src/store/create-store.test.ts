import { createServer, type Socket } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DIALECTS, createTestDatabase, createTestStore } from '../../test/support/dialects.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { createStore, isUniqueViolation, type Store, storeAnswers } from './index.js';
import { MIGRATIONS } from './migrations/index.js';

for (const dialect of DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('migrates an empty database and reports each migration', async () => {
      store = createStore(await createTestDatabase(dialect));
      const first = await store.migrate();
      expect(first.results).toEqual(
        Object.keys(MIGRATIONS).map((migrationName) => ({
          migrationName,
          direction: 'Up',
          status: 'Success',
        })),
      );
      const again = await store.migrate();
      expect(again.results).toEqual([]);
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['organisations', 'log_entries', 'users']),
      );
    });

    it('reads bigint times back as numbers', async () => {
      store = await createTestStore(dialect);
      const at = Date.UTC(2026, 10, 26, 13, 0, 0);
      await store.db
        .insertInto('organisations')
        .values({
          id: 'VN-HP/GOV/SNV',
          instance: 'VN-HP',
          member_class: 'GOV',
          code: 'SNV',
          name: 'Sở Nội vụ',
          agency_code: null,
          admin_code: null,
          valid_to: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const row = await store.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
      expect(row.created_at).toBe(at);
      expect(row.name).toBe('Sở Nội vụ');
    });

    it('rolls back a failed transaction completely', async () => {
      store = await createTestStore(dialect);
      const at = Date.now();
      const org = {
        instance: 'VN-HP',
        member_class: 'GOV',
        name: 'x',
        agency_code: null,
        admin_code: null,
        valid_to: null,
        created_at: at,
        updated_at: at,
      };
      const failed = await store.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('organisations')
            .values({ ...org, id: 'VN-HP/GOV/A', code: 'A' })
            .execute();
          await trx
            .insertInto('organisations')
            .values({ ...org, id: 'VN-HP/GOV/A', code: 'A' })
            .execute();
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      // The second insert's unique violation, not any failure, is what rolled the first one back.
      expect(isUniqueViolation(failed)).toBe(true);
      expect(await store.db.selectFrom('organisations').selectAll().execute()).toEqual([]);
    });
  });
}

describe('store on postgres, when the server ends its connections', () => {
  it('keeps working after the server ends an idle connection (a restart or failover), without crashing', async () => {
    const store = await createTestStore('postgres');
    try {
      const backend = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(store.db);
      const pid = backend.rows[0]!.pid;
      // Another session ends the store's idle connection, as a server restart does.
      const admin = new pg.Client({ connectionString: inject('postgresUrl') });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      await waitUntil(async () => {
        const now = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(store.db);
        return now.rows[0]!.pid !== pid;
      }, 'the store answers on a new connection');
    } finally {
      await store.close();
    }
  });

  it('keeps working after the server ends a connection held between two statements of a transaction, without crashing', async () => {
    const store = await createTestStore('postgres');
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    try {
      // 1. Inside a transaction, between statements, the connection has no query that could fail.
      const failed = await store.db
        .transaction()
        .execute(async (trx) => {
          const backend = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
          const pid = backend.rows[0]!.pid;
          // 2. Another session ends it, as a server restart does; once the backend is gone, its last
          // message (FATAL 57P01) has reached this process, and one more turn of the loop reads it.
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          await waitUntil(
            async () =>
              (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0,
            'the backend is gone',
          );
          await new Promise((resolve) => setImmediate(resolve));
          // 3. The transaction's next statement is where the caller learns of it.
          await sql`SELECT 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failed).toBeInstanceOf(Error);
      // 4. The process is still here, and the store answers on a new connection.
      expect(await storeAnswers(store)).toBe(true);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});

describe('store on postgres, when the server does not answer', () => {
  it('fails a statement that waits for a connection instead of waiting for ever', async () => {
    // A host that accepts the connection and then says nothing, as one that is down or partitioned away.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const store = createStore({ postgresUrl: `postgres://cang:cang@127.0.0.1:${port}/cang` });
    try {
      const failures: unknown[] = [];
      expect(await storeAnswers(store, (error) => failures.push(error))).toBe(false);
      expect(String(failures[0])).toMatch(/timeout/);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
