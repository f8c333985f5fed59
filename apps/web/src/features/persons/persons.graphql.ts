/** GraphQL documents of the persons screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const personKeys = {
  all: ["persons"] as const,
  caseload: (search: string, filters: string[]) => ["persons", "caseload", search, ...filters] as const,
  file: (id: string) => ["persons", "file", id] as const,
  preview: (id: string, organisationId: string) => ["persons", "preview", id, organisationId] as const,
  partnerships: ["persons", "partnerships"] as const,
};

export const CaseloadQuery = graphql(`
  query Caseload($search: String, $filter: CaseloadFilter, $after: String) {
    persons(first: 25, search: $search, filter: $filter, after: $after) {
      edges {
        node {
          id
          alias
          birthYear
          possiblyMinor
          inRegularFollowUp
          ownedByViewer
          encounters(first: 1) {
            edges {
              node {
                occurredAt
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PersonFileQuery = graphql(`
  query PersonFile($id: ID!) {
    person(id: $id) {
      id
      alias
      birthYear
      gender
      languages
      mayText
      mayLeaveMessage
      safeContactNote
      inRegularFollowUp
      possiblyMinor
      ownedByViewer
      legalName
      organisation {
        id
        name
      }
      consents {
        id
        status
        recordKinds
        startsAt
        expiresAt
        withdrawnAt
        note
        recordedByName
        granteeOrganisation {
          id
          name
        }
        granteePartnership {
          id
          name
        }
      }
      encounters(first: 20) {
        edges {
          node {
            id
            occurredAt
            channel
            placeType
            themes
            headCount
            note
            viewerMayChange
            materials {
              item
              quantity
            }
          }
        }
      }
      accompaniments(first: 20) {
        edges {
          node {
            id
            plannedAt
            destination
            status
            outcome
            note
          }
        }
      }
      nurseVisits(first: 20) {
        edges {
          node {
            id
            plannedStart
            placeType
            status
            acts {
              kind
              count
            }
          }
        }
      }
      referrals(first: 20) {
        edges {
          node {
            id
            createdAt
            status
            serviceRequested
            outcome
            consentInForce
            toOrganisation {
              name
            }
            fromOrganisation {
              name
            }
          }
        }
      }
    }
  }
`);

/** A person's file as the file page shows it (null: not found, or not visible). */
export type PersonFile = NonNullable<ResultOf<typeof PersonFileQuery>["person"]>;
export type Consent = PersonFile["consents"][number];

export const MyPartnershipsQuery = graphql(`
  query MyPartnerships {
    myPartnerships {
      id
      name
      members {
        id
        name
        kind
      }
      sharingAgreement {
        recordKinds
      }
    }
  }
`);

export const RecordConsent = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      __typename
      ... on RecordConsentSuccess {
        consent {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const WithdrawConsent = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(input: { consentId: $id }) {
      __typename
      ... on WithdrawConsentSuccess {
        consent {
          id
          status
        }
      }
      ... on AppError {
        code
        message
      }
    }
  }
`);

export const CreatePerson = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      __typename
      ... on CreatePersonSuccess {
        person {
          id
          alias
        }
        possibleDuplicates {
          id
          alias
          birthYear
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdatePerson = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      __typename
      ... on UpdatePersonSuccess {
        person {
          id
          alias
        }
      }
      ...MutationFailure
    }
  }
`);

export const DeleteEncounter = graphql(`
  mutation DeleteEncounter($id: ID!) {
    deleteEncounter(id: $id) {
      __typename
      ... on DeleteEncounterSuccess {
        deletedId
      }
      ... on AppError {
        code
        message
      }
    }
  }
`);

/** "See as partner": typed fields only, the ones a partner may read. */
export const PartnerPreviewQuery = graphql(`
  query PartnerPreview($person: ID!, $organisation: ID!) {
    personAsSeenBy(personId: $person, organisationId: $organisation) {
      __typename
      ... on PersonAsSeenBySuccess {
        preview {
          sees
          organisation {
            id
            name
          }
          profile {
            alias
            birthYear
            gender
            languages
            mayText
            mayLeaveMessage
            safeContactNote
            possiblyMinor
          }
          encounters {
            occurredAt
            channel
            placeType
            themes
            headCount
          }
          accompaniments {
            destination
            plannedAt
            status
          }
          nurseVisits {
            plannedStart
            status
          }
          referrals {
            status
            serviceRequested
          }
        }
      }
      ... on AppError {
        code
        message
      }
    }
  }
`);

type PreviewResult = ResultOf<typeof PartnerPreviewQuery>["personAsSeenBy"];
export type PartnerPreview = Extract<PreviewResult, { __typename: "PersonAsSeenBySuccess" }>["preview"];
