/** GraphQL documents of the catalogue screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import type { CatalogueList } from "../../generated/enums.ts";
import { graphql } from "../../generated/gql.ts";

export const catalogueKeys = {
  all: ["catalogue"] as const,
  list: (list: CatalogueList) => ["catalogue", "editor", list] as const,
};

export const CatalogueQuery = graphql(`
  query CatalogueEditor($list: CatalogueList!) {
    catalogue(list: $list, includeRetired: true) {
      code
      list
      labelFr
      labelEn
      category
      unit
      retired
      inUse
    }
  }
`);

export type CatalogueEntryItem = ResultOf<typeof CatalogueQuery>["catalogue"][number];

export const AddCatalogueEntry = graphql(`
  mutation AddCatalogueEntry($input: AddCatalogueEntryInput!) {
    addCatalogueEntry(input: $input) {
      __typename
      ... on AddCatalogueEntrySuccess {
        entry {
          code
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateCatalogueEntry = graphql(`
  mutation UpdateCatalogueEntry($input: UpdateCatalogueEntryInput!) {
    updateCatalogueEntry(input: $input) {
      __typename
      ... on UpdateCatalogueEntrySuccess {
        entry {
          code
        }
      }
      ...MutationFailure
    }
  }
`);

export const RetireCatalogueEntry = graphql(`
  mutation RetireCatalogueEntry($input: RetireCatalogueEntryInput!) {
    retireCatalogueEntry(input: $input) {
      __typename
      ... on RetireCatalogueEntrySuccess {
        entry {
          code
          retired
        }
      }
      ...MutationFailure
    }
  }
`);

export const RestoreCatalogueEntry = graphql(`
  mutation RestoreCatalogueEntry($input: RestoreCatalogueEntryInput!) {
    restoreCatalogueEntry(input: $input) {
      __typename
      ... on RestoreCatalogueEntrySuccess {
        entry {
          code
          retired
        }
      }
      ...MutationFailure
    }
  }
`);

export const DeleteCatalogueEntry = graphql(`
  mutation DeleteCatalogueEntry($input: DeleteCatalogueEntryInput!) {
    deleteCatalogueEntry(input: $input) {
      __typename
      ... on DeleteCatalogueEntrySuccess {
        deletedCode
      }
      ...MutationFailure
    }
  }
`);
