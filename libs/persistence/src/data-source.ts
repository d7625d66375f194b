import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

export type PgConnection =
  { url: string } | { host: string; port: number; user: string; database: string; password?: string };

/** What a database needs of the pg pool beyond its size (the embedded one: see embedded-postgres.ts). */
export type PoolBehaviour = {
  /** ms an idle connection stays open; 0 keeps it for good. pg's default is 10 s. */
  idleTimeoutMillis?: number;
  /** Runs on every new connection before its first use. */
  onConnect?: (client: { query(sql: string): Promise<unknown> }) => Promise<void>;
};

type PooledClient = { query(sql: string): Promise<unknown>; on(event: 'error', listener: (e: Error) => void): unknown };
const ignoreLostConnection = (): void => undefined;

/** A PostgreSQL data source; `synchronize` is off: the schema comes only from migrations. */
export function createDataSource(
  connection: PgConnection,
  options: { poolSize: number; migrations?: DataSourceOptions['migrations']; pool?: PoolBehaviour },
): DataSource {
  // TypeORM names the login `username`; the pg driver and our connection type call it `user`.
  const target =
    'url' in connection
      ? { url: connection.url }
      : {
          host: connection.host,
          port: connection.port,
          username: connection.user,
          database: connection.database,
          password: connection.password,
        };
  return new DataSource({
    type: 'postgres',
    ...target,
    entities: ENTITIES,
    migrations: options.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: options.poolSize,
      ...options.pool,
      // A connection the server terminates while it is checked out but between statements emits 'error' with no
      // listener once TypeORM has released it, which would end the process; the pool drops it, the next user of the
      // database gets a fresh one (and TenantDatabase retries a transaction it broke).
      onConnect: async (client: PooledClient) => {
        client.on('error', ignoreLostConnection);
        await options.pool?.onConnect?.(client);
      },
    },
  });
}
