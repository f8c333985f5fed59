/** GraphQL documents of the organisation's own screens (its team and their roles). */
import { type ResultOf, request } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const organisationKeys = {
  team: ["organisations", "team"] as const,
};

export const TeamQuery = graphql(`
  query Team {
    team {
      userId
      displayName
      email
      roles
    }
  }
`);

export const SetMemberRoles = graphql(`
  mutation SetMemberRoles($input: SetMemberRolesInput!) {
    setMemberRoles(input: $input) {
      __typename
      ... on SetMemberRolesSuccess {
        member {
          userId
          displayName
          email
          roles
        }
      }
      ...MutationFailure
    }
  }
`);

export type TeamMember = ResultOf<typeof TeamQuery>["team"][number];

/** The team, for the team page and the audit log's filter (one query, one cache entry). */
export async function loadTeam(): Promise<TeamMember[]> {
  return (await request(TeamQuery)).team;
}
