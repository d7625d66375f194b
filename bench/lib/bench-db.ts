import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '@ledger/persistence';
import { MIGRATIONS } from '@ledger/migrations';

/** The local server's superuser (trust auth): creates the roles and the throwaway benchmark databases. */
export const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type BenchDatabase = { name: string; ownerUrl: string; appUrl: string; adminUrl: string; drop(): Promise<void> };

function urlFor(role: string, database: string): string {
  const u = new URL(ADMIN_URL);
  u.username = role;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}

export async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated benchmark database on the local server: owned by `ledger_owner`, used by the app role
 * `ledger_app` (as in production, so row-level security is part of every measure).
 */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `ledger_bench_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  await admin(ADMIN_URL, async (c) => {
    await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_owner') THEN CREATE ROLE ledger_owner LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN CREATE ROLE ledger_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF;
    END $$`);
    await c.query(`CREATE DATABASE ${name} OWNER ledger_owner`);
  });
  const ownerUrl = urlFor('ledger_owner', name);
  const migrator = createDataSource({ url: ownerUrl }, { poolSize: 1, migrations: MIGRATIONS });
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();
  const adminUrl = urlFor(new URL(ADMIN_URL).username || 'postgres', name);
  return {
    name,
    ownerUrl,
    appUrl: urlFor('ledger_app', name),
    adminUrl,
    drop: () => admin(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
