import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { createDataSource } from '../../libs/persistence/src';
import { MIGRATIONS } from '../../migrations';

/** The local server's superuser (trust auth); used only to create roles and throwaway databases. */
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const OWNER_ROLE = 'ledger_owner';
export const APP_ROLE = 'ledger_app';

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlFor(role: string, database: string): string {
  const u = new URL(ADMIN_URL);
  u.username = role;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDatabase = { name: string; ownerUrl: string; appUrl: string; drop(): Promise<void> };

/**
 * A fresh database for one test file on the real server: created by the owner role, migrated by it,
 * and reached by the application role, which owns nothing (as in production).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ledger_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(async (c) => {
    await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF;
    END $$`).catch((e: { code?: string }) => {
      // Two test files creating the roles at once: the loser sees a duplicate; the role exists either way.
      if (e.code !== '23505' && e.code !== '42710') throw e;
    });
    await c.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`);
  });
  const ownerUrl = urlFor(OWNER_ROLE, name);
  const migrator = createDataSource({ url: ownerUrl }, { poolSize: 1, migrations: MIGRATIONS });
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();
  return {
    name,
    ownerUrl,
    appUrl: urlFor(APP_ROLE, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Runs `work` on a superuser connection to one test database: to read the audit log across tenants, count
 * rows behind row-level security, or set up raw statements. Never the application's path.
 */
export async function asSuperuser<T>(databaseName: string, work: (c: Client) => Promise<T>): Promise<T> {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${databaseName}`;
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` as the application role with one scope setting (e.g. `app.tenant_id`) in a transaction that is
 * rolled back: to prove what row-level security lets that role see or change, without the API in between.
 */
export async function asAppRole<T>(appUrl: string, setting: string, value: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT set_config($1, $2, true)', [setting, value]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

