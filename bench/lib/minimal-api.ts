/**
 * The second floor of bench/api.bench.ts: the smallest NestJS + Apollo (code-first) app on the same package versions
 * as the API, with one `ping` query and nothing else — no guard, logger, CLS, limits, plugins or security headers.
 * What the real API's `{ ping }` costs above this is our per-request stack. Run as its own process:
 * `node --import tsx bench/lib/minimal-api.ts` with PORT (and HOST) in the environment.
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';

@Resolver()
export class MinimalPingResolver {
  // Explicit type: tsx (esbuild) emits no decorator metadata.
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      playground: false,
      introspection: false,
    }),
  ],
  providers: [MinimalPingResolver],
})
export class MinimalApiModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(MinimalApiModule, { logger: ['error', 'warn'] });
  await app.listen(Number(process.env.PORT ?? 3999), process.env.HOST ?? '127.0.0.1');
  console.log('minimal API ready');
}

if (/minimal-api\.(ts|js)$/.test(process.argv[1] ?? '')) {
  bootstrap().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
