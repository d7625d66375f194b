import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { PoolBehaviour } from './data-source';
import { APP_ROLE } from './tenant-database';

export type EmbeddedPostgres = {
  /** Connection settings for the `pg` driver (Unix socket; PGlite's superuser). */
  connection: { host: string; port: number; user: string; database: string };
  /** How the pool must treat the one connection (pass to createDataSource). */
  pool: PoolBehaviour;
  stop(): Promise<void>;
};

const SOCKET_PORT = 5432;

/**
 * PGlite is one backend session that outlives the socket connections made to it: prepared statements, session
 * settings and an unfinished transaction of a closed connection are still there for the next one. So the pool
 * keeps its one connection open for good (pg closes idle ones after 10 s by default, which broke every named
 * statement after an idle minute), and any new connection (after an error dropped the old one) first ends
 * whatever was left and discards the session's state, so the pg client and the session agree again.
 */
const EMBEDDED_POOL: PoolBehaviour = {
  idleTimeoutMillis: 0,
  onConnect: async (client) => {
    await client.query('ROLLBACK'); // outside a transaction only a warning
    await client.query('DISCARD ALL');
  },
};

/**
 * PostgreSQL in WebAssembly (PGlite), persisted under `dataDir`, served to the `pg` driver on a Unix socket.
 * PGlite is a single backend session, so clients must use exactly one connection (see docs/decisions.md).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pg');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // The role the application switches to in every transaction; PGlite has only its superuser otherwise.
  await db.exec(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
  END $$`);
  // A short private directory: Unix socket paths are limited to about 100 characters.
  const socketDir = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  // Two sockets may overlap for a moment: a dropped connection is still being detached when the pool opens its
  // replacement (the server's default of one refused that replacement). The pool itself never holds more than one.
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), maxConnections: 2 });
  await server.start();
  return {
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    pool: EMBEDDED_POOL,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
