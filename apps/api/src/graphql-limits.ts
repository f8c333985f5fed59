import { type ASTVisitor, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from "graphql";

/**
 * Refuses operations nested deeper than `maxDepth` or with more than `maxFields` field
 * selections (aliases included), so no single request can ask for an unbounded amount of work.
 */
export function operationSizeLimit(maxDepth: number, maxFields: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d.selectionSet] as const),
    );
    let fields = 0;
    function walk(set: SelectionSetNode, depth: number, seen: Set<string>): number {
      let deepest = depth;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          fields += 1;
          if (selection.selectionSet) {
            deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, seen));
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) {
            deepest = Math.max(deepest, walk(fragment, depth, new Set([...seen, name])));
          }
        }
      }
      return deepest;
    }
    return {
      OperationDefinition(node) {
        fields = 0;
        const depth = walk(node.selectionSet, 1, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Operation is nested too deeply (${depth} > ${maxDepth})`, {
              nodes: [node],
              extensions: { code: "INPUT_VALIDATION" },
            }),
          );
        }
        if (fields > maxFields) {
          context.reportError(
            new GraphQLError(`Operation selects too many fields (${fields} > ${maxFields})`, {
              nodes: [node],
              extensions: { code: "INPUT_VALIDATION" },
            }),
          );
        }
      },
    };
  };
}

/**
 * Refuses subscription operations at validation: the schema has none, and graphql-js would
 * otherwise throw at execution ("Schema is not configured…"), an internal error for a caller's
 * mistake.
 */
export function queriesAndMutationsOnly(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === "subscription") {
        context.reportError(new GraphQLError("Subscriptions are not served", { nodes: [node] }));
      }
    },
  };
}
