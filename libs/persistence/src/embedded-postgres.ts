import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { APP_ROLE } from './tenant-database';

export type EmbeddedPostgres = {
  /** Connection settings for the `pg` driver (Unix socket; PGlite's superuser). */
  connection: { host: string; port: number; user: string; database: string };
  stop(): Promise<void>;
};

const SOCKET_PORT = 5432;

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
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`) });
  await server.start();
  return {
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
