export * from './access-scope';
export * from './tenant-database';
export * from './transient-error';
export * from './embedded-postgres';
export * from './data-source';
export * from './money.transformer';
export * from './entities';
