import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  atPath,
  CodedTypeError,
  formatPath,
  problem,
  unsafeTextProblem,
  unsafeTextProblems,
  ValidationError,
  type PathSegment,
  type Problem,
} from '@ledger/kernel';
import {
  BREAK,
  GraphQLError,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  isSpecifiedScalarType,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { JsonScalar } from './json.scalar';

/** Enough to say what is wrong without echoing a megabyte of bad input back. */
const MAX_PROBLEMS = 50;

/**
 * Every argument value of the document (inline literals and variables alike) that cannot be accepted
 * whatever the resolver: text PostgreSQL cannot store (NUL, a lone surrogate) in any String, ID or
 * JSON value, and a custom scalar (Money) its own parser refuses. Paths start at the argument:
 * `input.title`, `input.configuration.payment.milestones[0].label`.
 */
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        const value = valueFromASTUntyped(node.value, variables);
        if (arg) walk(value, arg.type, [node.name.value], problems);
        else problems.push(...unsafeTextProblems(value, [node.name.value]));
      },
    }),
  );
  return dedupe(problems).slice(0, MAX_PROBLEMS);
}

function walk(value: unknown, type: GraphQLInputType, path: PathSegment[], problems: Problem[]): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    // GraphQL coerces a single value to a one-item list; check it either way.
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, t.ofType, [...path, i], problems));
    else walk(value, t.ofType, path, problems);
  } else if (isInputObjectType(t)) {
    if (typeof value !== 'object' || Array.isArray(value)) return; // GraphQL refuses it itself
    const fields = t.getFields();
    for (const [key, item] of Object.entries(value)) {
      const field = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
      if (field) walk(item, field.type, [...path, key], problems);
      else problems.push(...unsafeTextProblems({ [key]: item }, path)); // unknown field: GraphQL refuses it, but never echo it unchecked
    }
  } else if (isScalarType(t) && t.name === JsonScalar.name) {
    problems.push(...unsafeTextProblems(value, path));
  } else if (isScalarType(t) && !isSpecifiedScalarType(t)) {
    try {
      t.parseValue(value);
    } catch (e) {
      problems.push(
        e instanceof CodedTypeError
          ? problem(formatPath(path), e.problem.code, e.problem.params)
          : problem(formatPath(path), 'value.invalid'),
      );
    }
    if (typeof value === 'string') pushText(value, path, problems);
  } else if (typeof value === 'string') {
    pushText(value, path, problems);
  }
}

function pushText(value: string, path: PathSegment[], problems: Problem[]): void {
  const unsafe = unsafeTextProblem(value);
  if (unsafe) problems.push(atPath(formatPath(path), unsafe));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.code}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Per parsed document (Apollo Server reuses the parsed document of a repeated query text): whether any field has an argument. */
const argumentsSeen = new WeakMap<DocumentNode, boolean>();

/** A document without arguments carries no input (variables reach resolvers only through arguments): nothing to check. */
function hasArguments(document: DocumentNode): boolean {
  let known = argumentsSeen.get(document);
  if (known === undefined) {
    known = false;
    visit(document, {
      Argument() {
        known = true;
        return BREAK;
      },
    });
    argumentsSeen.set(document, known);
  }
  return known;
}

/**
 * The one edge check for free text and money: runs after the operation is resolved and before any
 * resolver or guard (so the unauthenticated `login` is covered too). A refusal is BAD_USER_INPUT,
 * HTTP 400, with every problem and its path.
 */
@Plugin()
export class InputTextPlugin implements ApolloServerPlugin<BaseContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return {
      async didResolveOperation({ schema, document, request }) {
        if (!hasArguments(document)) return;
        const problems = inputProblems(schema, document, request.variables);
        if (problems.length === 0) return;
        const error = new ValidationError(
          problems,
          `${problems.length} problem(s) in the input: ${problems
            .slice(0, 3)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; ')}`,
        );
        throw new GraphQLError(error.message, {
          originalError: error,
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      },
    };
  }
}
