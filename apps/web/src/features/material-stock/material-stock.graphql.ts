/** GraphQL documents of the stock page; types from schema.graphql. */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const stockKeys = { all: ["material-stock"] as const };

export const MaterialStockQuery = graphql(`
  query MaterialStock {
    catalogue(list: MATERIAL) {
      code
      label
    }
    materialStock {
      item
      label
      retired
      onHand
      lowThreshold
      countedAt
      receivedSince
      handedOutSince
      low
    }
  }
`);

export type StockLevelItem = ResultOf<typeof MaterialStockQuery>["materialStock"][number];

export const RecordMaterialStock = graphql(`
  mutation RecordMaterialStock($input: RecordMaterialStockInput!) {
    recordMaterialStock(input: $input) {
      __typename
      ... on RecordMaterialStockSuccess {
        level {
          item
          onHand
          low
        }
      }
      ...MutationFailure
    }
  }
`);

export const ReceiveMaterial = graphql(`
  mutation ReceiveMaterial($input: ReceiveMaterialInput!) {
    receiveMaterial(input: $input) {
      __typename
      ... on ReceiveMaterialSuccess {
        level {
          item
          onHand
          low
        }
      }
      ...MutationFailure
    }
  }
`);
