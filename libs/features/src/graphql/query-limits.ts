import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isUnionType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** What one selection of a field costs, beyond its own selection set; and how often one operation may select it. */
export type FieldCost = { readonly cost: number; readonly maxPerOperation?: number };

/**
 * The fields whose resolver costs far more than reading a row, by schema coordinate, with what was measured on the
 * 2-core development machine. Every other field costs 1. The public ones (no token needed) matter most: aliases
 * would otherwise multiply them within one request (499 aliased configuration checks took 1.3 s).
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, FieldCost>> = {
  // argon2id with 64 MB: ~0.5 s of CPU per sign-in, so one per operation whatever the budget.
  'Mutation.login': { cost: 100, maxPerOperation: 1 },
  // Validates a whole configuration: ~20 ms for the largest preset.
  'Query.checkContractConfiguration': { cost: 100 },
  // Runs the payment engine over a configuration and assumed facts: ~10 ms and more with many periods.
  'Query.simulateSettlement': { cost: 100 },
  // Computes a whole period close (assessment, metrics, schedule) from the ledger: ~50 ms.
  'Query.previewPeriodClose': { cost: 100 },
  // Answers of 50 kB (the JSON Schema) and 200 kB (every preset with its configuration).
  'Query.contractConfigurationJsonSchema': { cost: 20 },
  'Query.presets': { cost: 20 },
};

export type QueryLimits = {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Defaults to EXPENSIVE_FIELDS. */
  fields?: Readonly<Record<string, FieldCost>>;
};

/** What an operation (or a fragment) selects, fragments expanded. `selected` counts the expensive fields by coordinate. */
type Tally = { depth: number; cost: number; aliases: number; selected: Map<string, number> };

const empty = (): Tally => ({ depth: 0, cost: 0, aliases: 0, selected: new Map() });

/** Adds `inner` (a selection set one level down, or a fragment at the same level) into `into`. */
function add(into: Tally, inner: Tally, extraDepth: number): void {
  into.depth = Math.max(into.depth, inner.depth + extraDepth);
  into.cost += inner.cost;
  into.aliases += inner.aliases;
  for (const [k, n] of inner.selected) into.selected.set(k, (into.selected.get(k) ?? 0) + n);
}

/**
 * Measures every operation of a document: depth (the longest chain of nested selections), cost (the fields selected,
 * each 1 or its weight in `fields`), aliases, and how often each expensive field is selected. Fragments are expanded
 * (a fragment spread twice counts twice) but measured once each, so a document of fragments spreading fragments costs
 * linear time to measure however large its expansion; unknown and cyclic spreads count as nothing (GraphQL's own rules
 * refuse them). Works on documents not yet validated: it runs before GraphQL's own validation (request-limits.ts).
 */
export function measureOperations(
  schema: GraphQLSchema,
  definitions: readonly (OperationDefinitionNode | FragmentDefinitionNode)[],
  fields: Readonly<Record<string, FieldCost>>,
) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const measured = new Map<string, Tally>();
  const measuring = new Set<string>();

  const composite = (name: string): GraphQLCompositeType | undefined => {
    const t = schema.getType(name);
    return t && isCompositeType(t) ? t : undefined;
  };
  const typeOfField = (parent: GraphQLCompositeType | undefined, name: string): GraphQLCompositeType | undefined => {
    if (name === '__schema') return composite('__Schema');
    if (name === '__type') return composite('__Type');
    if (!parent || isUnionType(parent)) return undefined;
    const field = parent.getFields()[name];
    const type = field ? getNamedType(field.type) : undefined;
    return type && isCompositeType(type) ? type : undefined;
  };

  const fragment = (name: string): Tally => {
    const known = measured.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || measuring.has(name)) return empty();
    measuring.add(name);
    const tally = measure(def.selectionSet, composite(def.typeCondition.name.value));
    measuring.delete(name);
    measured.set(name, tally);
    return tally;
  };

  const measure = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): Tally => {
    const tally = empty();
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const coordinate = parent ? `${parent.name}.${sel.name.value}` : undefined;
        const weight =
          coordinate !== undefined && Object.prototype.hasOwnProperty.call(fields, coordinate)
            ? fields[coordinate]
            : undefined;
        const inner = sel.selectionSet ? measure(sel.selectionSet, typeOfField(parent, sel.name.value)) : empty();
        // Introspection's chain of type wrappers (NonNull of List of …) does not fan out: it does not deepen the query,
        // so a development tool's standard introspection query stays within the depth limit.
        add(tally, inner, coordinate === '__Type.ofType' ? 0 : 1);
        tally.cost += weight?.cost ?? 1;
        if (sel.alias) tally.aliases += 1;
        if (weight && coordinate) tally.selected.set(coordinate, (tally.selected.get(coordinate) ?? 0) + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(tally, measure(sel.selectionSet, sel.typeCondition ? composite(sel.typeCondition.name.value) : parent), 0);
      } else {
        add(tally, fragment(sel.name.value), 0);
      }
    }
    return tally;
  };

  return definitions
    .filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      operation,
      ...measure(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined),
    }));
}

/** The operations and fragments of a document (what `queryLimitErrors` measures). */
export const executableDefinitions = (document: DocumentNode) =>
  document.definitions.filter(
    (d): d is OperationDefinitionNode | FragmentDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
  );

const refusal = (message: string, node: OperationDefinitionNode) =>
  new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/** The refusals for one document under `limits`: empty when every operation fits. */
export function queryLimitErrors(
  schema: GraphQLSchema,
  definitions: readonly (OperationDefinitionNode | FragmentDefinitionNode)[],
  limits: QueryLimits,
): GraphQLError[] {
  const fields = limits.fields ?? EXPENSIVE_FIELDS;
  const errors: GraphQLError[] = [];
  for (const { operation, depth, cost, aliases, selected } of measureOperations(schema, definitions, fields)) {
    if (depth > limits.maxDepth)
      errors.push(refusal(`query depth ${depth} exceeds the limit of ${limits.maxDepth}`, operation));
    if (cost > limits.maxCost)
      errors.push(refusal(`query cost ${cost} exceeds the limit of ${limits.maxCost}`, operation));
    if (aliases > limits.maxAliases)
      errors.push(refusal(`query uses ${aliases} aliases, more than the limit of ${limits.maxAliases}`, operation));
    for (const [coordinate, n] of selected) {
      const max = fields[coordinate]?.maxPerOperation;
      if (max !== undefined && n > max)
        errors.push(refusal(`${coordinate} may be selected at most ${max} time(s) per operation, not ${n}`, operation));
    }
  }
  return errors;
}

/**
 * The same limits as a GraphQL validation rule (e.g. for `validate()` in a test). The server checks them before
 * GraphQL's own rules instead (request-limits.ts), so an over-limit document costs no validation time.
 */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      for (const error of queryLimitErrors(context.getSchema(), executableDefinitions(node), limits))
        context.reportError(error);
    },
  });
}
