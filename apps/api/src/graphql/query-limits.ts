import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Depth and cost limits, checked before execution. Depth = the longest chain of nested selections;
 * cost = the number of fields selected, fragments expanded. Both count through fragments and
 * refuse fragment cycles (which GraphQL's own rules also reject).
 */
export function queryLimitsRule(limits: { maxDepth: number; maxCost: number }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

    const measure = (set: SelectionSetNode, visiting: Set<string>): { depth: number; cost: number } => {
      let depth = 0;
      let cost = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const inner = sel.selectionSet ? measure(sel.selectionSet, visiting) : { depth: 0, cost: 0 };
          depth = Math.max(depth, inner.depth + 1);
          cost += 1 + inner.cost;
        } else {
          const next = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
          const name = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : undefined;
          if (!next || (name && visiting.has(name))) continue;
          const inner = measure(next, name ? new Set([...visiting, name]) : visiting);
          depth = Math.max(depth, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth, cost };
    };

    return {
      OperationDefinition(node) {
        const { depth, cost } = measure(node.selectionSet, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        if (cost > limits.maxCost) {
          context.reportError(new GraphQLError(`query selects ${cost} fields, more than the limit of ${limits.maxCost}`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
      },
    };
  };
}
