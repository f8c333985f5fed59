/** GraphQL documents of the persons screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const personKeys = {
  all: ["persons"] as const,
  caseload: (search: string, filters: string[]) => ["persons", "caseload", search, ...filters] as const,
  file: (id: string) => ["persons", "file", id] as const,
  preview: (id: string, organisationId: string) => ["persons", "preview", id, organisationId] as const,
};

/** A person as a link or a picker names her: her id and alias (never her legal name). */
export const PersonSummary = graphql(`
  fragment PersonSummary on Person {
    id
    alias
  }
`);

/** The alias of a person named in a link (`?personne=`), to preselect her. */
export const PersonAliasQuery = graphql(`
  query PersonAlias($id: ID!) {
    person(id: $id) {
      ...PersonSummary
    }
  }
`);

export const CaseloadQuery = graphql(`
  query Caseload($search: String, $filter: CaseloadFilter, $after: String, $includeArchived: Boolean) {
    persons(first: 25, search: $search, filter: $filter, after: $after, includeArchived: $includeArchived) {
      edges {
        node {
          id
          alias
          archivedAt
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
        ...NextPage
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
      archivedAt
      deidentifiedAt
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
            enteredAt
            lateEntry
            channel
            placeType
            themes
            outcomes
            headCount
            note
            viewerMayChange
            platformLabel
            materials {
              item
              label
              quantity
            }
            services {
              service
              label
            }
          }
        }
      }
      accompaniments(first: 20) {
        edges {
          node {
            id
            plannedAt
            enteredAt
            lateEntry
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
      ...MutationFailure
    }
  }
`);

export const CreatePerson = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      __typename
      ... on CreatePersonSuccess {
        person {
          ...PersonSummary
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
          ...PersonSummary
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
      ...MutationFailure
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
      ...AppErrorMessage
    }
  }
`);

type PreviewResult = ResultOf<typeof PartnerPreviewQuery>["personAsSeenBy"];
export type PartnerPreview = Extract<PreviewResult, { __typename: "PersonAsSeenBySuccess" }>["preview"];

export const ArchivePerson = graphql(`
  mutation ArchivePerson($input: ArchivePersonInput!) {
    archivePerson(input: $input) {
      __typename
      ... on ArchivePersonSuccess {
        person {
          id
          archivedAt
        }
      }
      ...MutationFailure
    }
  }
`);

export const RestorePerson = graphql(`
  mutation RestorePerson($input: RestorePersonInput!) {
    restorePerson(input: $input) {
      __typename
      ... on RestorePersonSuccess {
        person {
          id
          archivedAt
        }
      }
      ...MutationFailure
    }
  }
`);

/** Files of the acting organisation to merge into the one shown: a search by alias. */
export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($search: String) {
    persons(first: 10, search: $search, filter: { ownOnly: true }, includeArchived: true) {
      edges {
        node {
          id
          alias
          birthYear
          archivedAt
        }
      }
    }
  }
`);

export const PersonMergePreviewQuery = graphql(`
  query PersonMergePreview($keepId: ID!, $mergeId: ID!) {
    personMergePreview(keepId: $keepId, mergeId: $mergeId) {
      consentsMatch
      merge {
        id
        alias
        birthYear
      }
      records {
        encounters
        accompaniments
        nurseVisits
        referrals
        consents
        followers
        legalName
      }
    }
  }
`);

export type MergedRecordCounts = NonNullable<
  ResultOf<typeof PersonMergePreviewQuery>["personMergePreview"]
>["records"];

export const MergePersons = graphql(`
  mutation MergePersons($input: MergePersonsInput!) {
    mergePersons(input: $input) {
      __typename
      ... on MergePersonsSuccess {
        mergedId
        moved {
          encounters
          accompaniments
          nurseVisits
          referrals
          consents
          followers
          legalName
        }
      }
      ...MutationFailure
    }
  }
`);
