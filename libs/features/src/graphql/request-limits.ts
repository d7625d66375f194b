import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { executableDefinitions, queryLimitErrors, type QueryLimits } from './query-limits';

export type RequestLimits = QueryLimits & {
  /** Characters of a query text. */
  maxQueryLength: number;
  /** GraphQL tokens of a query text: the parser gives up past them (graphql-js `maxTokens`, also Apollo's `parseOptions`). */
  maxTokens: number;
};

/** The query texts of an HTTP request as Apollo Server reads them: POST body (one operation or a batch) or GET `?query=`. */
function queryTexts(req: { method?: string; body?: unknown; query?: unknown }): string[] {
  const source = req.method === 'GET' ? req.query : req.body;
  const operations = Array.isArray(source) ? source : [source];
  return operations.flatMap((op) =>
    op && typeof op === 'object' && typeof (op as { query?: unknown }).query === 'string'
      ? [(op as { query: string }).query]
      : [],
  );
}

/** Distinct accepted query texts remembered: a client sends a few dozen; the bound keeps a flood of distinct texts from growing memory. */
const ACCEPTED_CACHE_SIZE = 1000;
/** Longer texts are measured every time, so the remembered texts stay under ~8 MB (16 MB as UTF-16). */
const ACCEPTED_CACHE_MAX_LENGTH = 8_000;

const refusal = (message: string, code: string, status: number, nodes?: GraphQLError['nodes']) =>
  new GraphQLError(message, { nodes, extensions: { code, http: { status } } });

/**
 * The edge limits of a GraphQL request, checked in every mode before Apollo Server parses or validates anything:
 * - the query text's length (413), then its tokens: parsed here with `maxTokens`, so a huge document is never
 *   parsed whole (a document the parser refuses is left to Apollo Server, which refuses it the same way, 400);
 * - depth, cost (expensive fields weighted), aliases and per-operation caps (query-limits.ts): before GraphQL's own
 *   validation, whose field-merging rule alone spends up to half a second on a hostile document of 10,000 tokens.
 *
 * Apollo Server has no hook between parsing and validation that may refuse a request (a plugin that throws there
 * gets a 500), so `check` runs in the context function, which Apollo calls before its pipeline and whose thrown
 * GraphQLError it answers as it is, with the error's HTTP status, through formatError. The plugin only learns the
 * schema the measurement needs.
 */
export class GraphqlRequestLimits {
  private schema: GraphQLSchema | undefined;
  /**
   * Query texts already measured within every limit against the current schema: the verdict depends on the text and
   * the schema only, so a client's repeated operation is parsed and measured once, not on every request. Bounded
   * (oldest dropped first) and emptied when the schema changes; refusals are never cached, so they are re-measured.
   */
  private readonly accepted = new Set<string>();

  constructor(private readonly limits: RequestLimits) {}

  readonly plugin: ApolloServerPlugin<BaseContext> = {
    serverWillStart: async ({ schema }) => {
      this.schema = schema;
      this.accepted.clear();
      return {
        schemaDidLoadOrUpdate: ({ apiSchema }) => {
          this.schema = apiSchema;
          this.accepted.clear();
        },
      };
    },
  };

  /** Throws the refusal (a GraphQLError with its code and HTTP status) when a query of the request is over a limit. */
  check(req: { method?: string; body?: unknown; query?: unknown }): void {
    for (const query of queryTexts(req)) {
      if (query.length > this.limits.maxQueryLength) {
        throw refusal(
          `the query is ${query.length} characters long, more than the limit of ${this.limits.maxQueryLength}`,
          'BAD_REQUEST',
          413,
        );
      }
      if (this.accepted.has(query)) continue;
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: this.limits.maxTokens });
      } catch {
        continue; // Apollo Server parses it again with the same limit and answers the syntax error itself.
      }
      if (!this.schema) continue;
      const errors = queryLimitErrors(this.schema, executableDefinitions(document), this.limits);
      if (errors.length > 0)
        throw refusal(errors.map((e) => e.message).join('; '), 'GRAPHQL_VALIDATION_FAILED', 400, errors[0].nodes);
      if (query.length > ACCEPTED_CACHE_MAX_LENGTH) continue;
      if (this.accepted.size >= ACCEPTED_CACHE_SIZE)
        this.accepted.delete(this.accepted.values().next().value as string);
      this.accepted.add(query);
    }
  }
}
