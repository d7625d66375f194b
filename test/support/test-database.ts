import { createHash, randomBytes } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { createDataSource } from '../../libs/persistence/src';
import { MIGRATIONS } from '../../migrations';

/** The local server's superuser (trust auth); used only to create roles and throwaway databases. */
export const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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

/** Creates the two roles once per server (idempotent; two test files at once are fine). */
async function ensureRoles(c: Client): Promise<void> {
  await c
    .query(
      `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF;
    END $$`,
    )
    .catch((e: { code?: string }) => {
      // Two test files creating the roles at once: the loser sees a duplicate; the role exists either way.
      if (e.code !== '23505' && e.code !== '42710') throw e;
    });
}

/**
 * The migrated template every test database is cloned from, named by a hash of what the migrations create (their
 * source and the shipped calendar data they load): migrated once per change, by the owner role, then cloned per test
 * file with `CREATE DATABASE … TEMPLATE` (a file copy, no migration run). Older templates are dropped.
 */
let templateName: Promise<string> | undefined;

function migrationsHash(): string {
  const root = join(__dirname, '..', '..');
  const dir = join(root, 'migrations');
  const h = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.ts'))
    .sort())
    h.update(f).update(readFileSync(join(dir, f)));
  h.update(readFileSync(join(root, 'libs/sla/src/data/cn-national-calendar.json')));
  return h.digest('hex').slice(0, 16);
}

async function migratedTemplate(): Promise<string> {
  const name = `ledger_tpl_${migrationsHash()}`;
  await admin(async (c) => {
    await ensureRoles(c);
    // One creator at a time across Jest workers and parallel runs; the others wait, then find it made.
    await c.query(`SELECT pg_advisory_lock(hashtext('ledger_test_template'))`);
    try {
      // Newest first (oids grow): a few recent templates are kept, so runs of other checkouts at once keep theirs.
      const found = await c.query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'ledger\\_tpl\\_%' AND datname NOT LIKE '%\\_build' ORDER BY oid DESC`,
      );
      const names = found.rows.map((r: { datname: string }) => r.datname);
      if (names.includes(name)) return;
      for (const old of names.slice(2)) {
        await c.query(`ALTER DATABASE ${old} IS_TEMPLATE false`);
        await c.query(`DROP DATABASE IF EXISTS ${old} WITH (FORCE)`);
      }
      const building = `${name}_build`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building} OWNER ${OWNER_ROLE}`);
      const migrator = createDataSource({ url: urlFor(OWNER_ROLE, building) }, { poolSize: 1, migrations: MIGRATIONS });
      await migrator.initialize();
      await migrator.runMigrations();
      await migrator.destroy();
      // Renamed only when complete: a run that died half-way leaves no template that looks ready.
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await c.query(`ALTER DATABASE ${name} IS_TEMPLATE true`);
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext('ledger_test_template'))`);
    }
  });
  return name;
}

/**
 * A fresh database for one test file on the real server: a copy of the migrated template (owned by the owner role,
 * as if it had migrated it), reached by the application role, which owns nothing (as in production).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ledger_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  templateName ??= migratedTemplate();
  const template = await templateName;
  await admin(async (c) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE} TEMPLATE ${template}`);
        return;
      } catch (e) {
        // 55006: another session is copying or reading the template at this instant; try again shortly.
        if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  return {
    name,
    ownerUrl: urlFor(OWNER_ROLE, name),
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
export async function asAppRole<T>(
  appUrl: string,
  setting: string,
  value: string,
  work: (c: Client) => Promise<T>,
): Promise<T> {
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
