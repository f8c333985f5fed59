/** GraphQL documents of quick encounter entry and the person picker; types from schema.graphql. */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const encounterKeys = {
  defaults: ["encounters", "defaults"] as const,
  edit: (id: string) => ["encounters", "edit", id] as const,
  personAlias: (id: string) => ["encounters", "person-alias", id] as const,
  personSearch: (term: string) => ["encounters", "person-search", term] as const,
  lastOf: (personId: string) => ["encounters", "last-of", personId] as const,
};

/** The worker's last channel, place and venue (the next entry starts from them), and the venues. */
export const EncounterDefaultsQuery = graphql(`
  query EncounterDefaults {
    encounterDefaults {
      channel
      placeType
      venue {
        id
      }
    }
    venues(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    catalogue {
      code
      list
      labelFr
      labelEn
    }
  }
`);

export type EncounterDefaults = ResultOf<typeof EncounterDefaultsQuery>;

export const PersonSearchQuery = graphql(`
  query PersonSearch($search: String) {
    persons(first: 8, search: $search, filter: { ownOnly: true }) {
      edges {
        node {
          id
          alias
          birthYear
        }
      }
    }
  }
`);

export const EncounterForEditQuery = graphql(`
  query EncounterForEdit($id: ID!) {
    node(id: $id) {
      __typename
      ... on Encounter {
        id
        occurredAt
        channel
        placeType
        venueId
        themes
        outcomes
        headCount
        anonymousGender
        anonymousAgeBracket
        note
        platform
        materials {
          item
          quantity
        }
        services {
          service
        }
        person {
          ...PersonSummary
        }
      }
    }
  }
`);

export type EditedEncounter = Extract<
  NonNullable<ResultOf<typeof EncounterForEditQuery>["node"]>,
  { __typename: "Encounter" }
>;

/** A person's last encounter, that "same as last time" repeats (channel, place, venue, themes, items). */
export const PersonLastEncounterQuery = graphql(`
  query PersonLastEncounter($id: ID!) {
    node(id: $id) {
      __typename
      ... on Person {
        id
        encounters(first: 1) {
          edges {
            node {
              ...RepeatableEncounter
            }
          }
        }
      }
    }
  }
`);

export const RecordEncounter = graphql(`
  mutation RecordEncounter($input: RecordEncounterInput!) {
    recordEncounter(input: $input) {
      __typename
      ... on RecordEncounterSuccess {
        encounter {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateEncounter = graphql(`
  mutation UpdateEncounter($input: UpdateEncounterInput!) {
    updateEncounter(input: $input) {
      __typename
      ... on UpdateEncounterSuccess {
        encounter {
          id
        }
      }
      ...MutationFailure
    }
  }
`);
