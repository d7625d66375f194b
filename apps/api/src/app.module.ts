import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { JobsModule, jobsOptionsFrom } from '@ledger/jobs';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { Request } from 'express';
import { createSecretKey } from 'crypto';
import type { IncomingMessage } from 'http';
import { QueueBoard } from './admin/queue-board';
import {
  AuthGuard,
  AuthResolver,
  AuthService,
  CoreModule,
  createErrorFormatter,
  errorLogPlugin,
  FEATURE_MODULES,
  GraphqlRequestLimits,
  InputTextPlugin,
  resolveJwtSecret,
  SessionVerifier,
  WebConsole,
  type AppConfig,
  type Principal,
  JOB_FEATURES,
} from '@ledger/features';
import { HealthController } from './health/health.controller';

/** The generated schema is committed; a test fails when it is stale. */

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    const limits = new GraphqlRequestLimits({
      maxQueryLength: config.GRAPHQL_MAX_QUERY_LENGTH,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxCost: config.GRAPHQL_MAX_COST,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
    });
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        JobsModule.forRoot(jobsOptionsFrom(config, 'api'), JOB_FEATURES),
        ...FEATURE_MODULES,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Never log credentials: tokens travel in this header.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Each request line names its user and tenant (or vendor organisation); pino-http adds the request id.
            customProps: (req: IncomingMessage) => {
              const p = (req as IncomingMessage & { principal?: Principal }).principal;
              return p ? { userId: p.userId, role: p.role, tenantId: p.tenantId, vendorOrgId: p.vendorOrgId } : {};
            },
          },
        }),
        // One async context per request: the auth guard puts the verified principal here, once.
        ClsModule.forRoot({ global: true, middleware: { mount: true } }),
        JwtModule.register({
          // A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse it as a public key on every
          // sign and verify, which was the largest CPU cost of a signed-in `{ ping }` (bench/README.md).
          secret: createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        TerminusModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          // Built in memory in every mode: starting the product must not rewrite a committed file (it did, without
          // the final newline). `npm run schema:gql` refreshes apps/api/schema.gql; a test fails when it is stale.
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !production,
          playground: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          // A cache of query texts by hash, for clients that want it: off unless configured.
          persistedQueries: config.GRAPHQL_PERSISTED_QUERIES === 'on' ? {} : false,
          // Production: no "Did you mean …?" hints that spell out the schema (formatError strips those of variables too).
          hideSchemaDetailsFromClientErrors: production,
          // Every mode: the parser gives up past this many tokens, so a huge document is never parsed whole.
          parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
          // Refusals at info/warn, one line per request without a stack; unexpected errors at error.
          plugins: [limits.plugin, errorLogPlugin()],
          formatError: createErrorFormatter({ hideSchemaDetails: production }),
          // Every mode, before Apollo parses or validates: query length, tokens, depth, cost, aliases, expensive fields.
          context: ({ req }: { req: Request }) => {
            limits.check(req);
            return { req };
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        InputTextPlugin,
        AuthService,
        SessionVerifier,
        AuthResolver,
        QueueBoard,
        WebConsole,
      ],
    };
  }
}
