/** GraphQL documents of the line's quick entry; types from schema.graphql. */
import { graphql } from "../../generated/gql.ts";

export const lineKeys = { platforms: ["line", "platforms"] as const };

/** The online platforms and video services the organisation covers, by name. */
export const LinePlatformsQuery = graphql(`
  query LinePlatforms {
    catalogue(list: PLATFORM) {
      code
      labelFr
      labelEn
    }
  }
`);
