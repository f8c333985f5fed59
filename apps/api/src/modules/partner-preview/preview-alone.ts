import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from "graphql";

/** Names of an operation's root fields, through inline fragments and fragment spreads. */
function rootFieldNames(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") names.push(selection.name.value);
    else if (selection.kind === "InlineFragment")
      names.push(...rootFieldNames(selection.selectionSet, document, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === "FragmentDefinition" && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === "FragmentDefinition")
        names.push(...rootFieldNames(fragment.selectionSet, document, seen));
    }
  }
  return names;
}

/**
 * "See as partner" switches the transaction's database viewer to the partner while it runs.
 * Root fields of a query run concurrently, so any other field (or a second preview) could send
 * its queries inside that window: a preview must be the operation's only field.
 */
export function previewSharesOperation(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const names = rootFieldNames(operation.selectionSet, document).filter((name) => name !== "__typename");
  return names.includes("personAsSeenBy") && names.length > 1;
}
