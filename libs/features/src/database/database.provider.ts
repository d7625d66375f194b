import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { TenantDatabase, createDataSource, startEmbeddedPostgres, type EmbeddedPostgres } from '@ledger/persistence';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '@ledger/migrations';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Owns the connection: a PostgreSQL server (DATABASE_URL) or embedded PGlite under DATA_DIR. */
export class DatabaseHandle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    readonly db: TenantDatabase,
    readonly mode: 'server' | 'embedded',
    private readonly dataSource: DataSource,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  static async open(config: AppConfig): Promise<DatabaseHandle> {
    if (config.DATABASE_URL) {
      // Development and tests only: loadAppConfig refuses the owner's URL in production (`npm run db:migrate` there).
      if (config.DATABASE_MIGRATION_URL) {
        const migrator = createDataSource(
          { url: config.DATABASE_MIGRATION_URL },
          { poolSize: 1, migrations: MIGRATIONS },
        );
        await migrator.initialize();
        await migrator.runMigrations();
        await migrator.destroy();
      }
      const ds = createDataSource({ url: config.DATABASE_URL }, { poolSize: config.DATABASE_POOL_SIZE });
      await ds.initialize();
      new Logger('Database').log('PostgreSQL server (DATABASE_URL)');
      return new DatabaseHandle(new TenantDatabase(ds, { setRole: false }), 'server', ds);
    }
    const embedded = await startEmbeddedPostgres(config.DATA_DIR);
    // PGlite is one backend session: exactly one connection, or transactions would interleave in it.
    const ds = createDataSource(embedded.connection, { poolSize: 1, migrations: MIGRATIONS, pool: embedded.pool });
    await ds.initialize();
    await ds.runMigrations();
    new Logger('Database').log(
      `embedded PostgreSQL (PGlite) under ${config.DATA_DIR}; set DATABASE_URL to use a server`,
    );
    return new DatabaseHandle(new TenantDatabase(ds, { setRole: true }), 'embedded', ds, embedded);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
    await this.embedded?.stop();
    this.logger.log('database closed');
  }
}

export const DATABASE_PROVIDERS: Provider[] = [
  { provide: DatabaseHandle, inject: [APP_CONFIG], useFactory: (config: AppConfig) => DatabaseHandle.open(config) },
  { provide: TenantDatabase, inject: [DatabaseHandle], useFactory: (h: DatabaseHandle) => h.db },
];
