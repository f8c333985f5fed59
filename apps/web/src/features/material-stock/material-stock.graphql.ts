/** GraphQL documents of the stock page; types from schema.graphql. */
import { graphql } from "../../generated/gql.ts";

export const stockKeys = { all: ["material-stock"] as const };

export const MaterialStockQuery = graphql(`
  query MaterialStock {
    materialStock {
      item
      onHand
      lowThreshold
      countedAt
      low
    }
  }
`);

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
