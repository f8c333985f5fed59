/** GraphQL documents of the organisation's own screens (its team and their roles). */
import { type ResultOf, request } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const organisationKeys = {
  team: ["organisations", "team"] as const,
};

/** A member of the organisation as the team page shows her, with her roles. */
export const TeamMemberFields = graphql(`
  fragment TeamMemberFields on TeamMember {
    userId
    displayName
    email
    roles
    secondFactorOn
  }
`);

export const TeamQuery = graphql(`
  query Team {
    team {
      ...TeamMemberFields
    }
  }
`);

export const SetMemberRoles = graphql(`
  mutation SetMemberRoles($input: SetMemberRolesInput!) {
    setMemberRoles(input: $input) {
      __typename
      ... on SetMemberRolesSuccess {
        member {
          ...TeamMemberFields
        }
      }
      ...MutationFailure
    }
  }
`);

export type TeamMember = ResultOf<typeof TeamQuery>["team"][number];

/**
 * The team, for the team page, the audit log's filter and the nurses a visit may be handed to (one
 * query, one cache entry).
 */
export async function loadTeam(): Promise<TeamMember[]> {
  return (await request(TeamQuery)).team;
}

export const invitationKeys = {
  pending: ["organisations", "invitations"] as const,
};

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation {
    id
    email
    displayName
    roles
    invitedByName
    expiresAt
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations {
      ...InvitationFields
    }
  }
`);

export type PendingInvitation = ResultOf<typeof InvitationsQuery>["invitations"][number];

export async function loadInvitations(): Promise<PendingInvitation[]> {
  return (await request(InvitationsQuery)).invitations;
}

export const InviteMember = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      __typename
      ... on InviteMemberSuccess {
        link
        invitation {
          ...InvitationFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      __typename
      ... on RevokeInvitationSuccess {
        invitation {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const ResetMemberSecondFactor = graphql(`
  mutation ResetMemberSecondFactor($input: ResetMemberSecondFactorInput!) {
    resetMemberSecondFactor(input: $input) {
      __typename
      ... on ResetMemberSecondFactorSuccess {
        member {
          ...TeamMemberFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const DeactivateMember = graphql(`
  mutation DeactivateMember($input: DeactivateMemberInput!) {
    deactivateMember(input: $input) {
      __typename
      ... on DeactivateMemberSuccess {
        member {
          userId
        }
      }
      ...MutationFailure
    }
  }
`);

export const EndAllSessions = graphql(`
  mutation EndAllSessions {
    endAllSessions {
      __typename
      ... on EndAllSessionsSuccess {
        ended {
          sessions
          devices
        }
      }
      ...MutationFailure
    }
  }
`);
