import './register-paths';
import 'reflect-metadata';
import { MIGRATIONS } from '@ledger/migrations';
import { createDataSource } from '@ledger/persistence';

/** `npm run db:migrate`: applies pending migrations as the owning role (DATABASE_MIGRATION_URL). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_MIGRATION_URL;
  if (!url)
    throw new Error(
      'DATABASE_MIGRATION_URL is not set: migrations run as the role that owns the tables, not the application role',
    );
  const ds = createDataSource({ url }, { poolSize: 1, migrations: MIGRATIONS });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations();
    console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await ds.destroy();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
