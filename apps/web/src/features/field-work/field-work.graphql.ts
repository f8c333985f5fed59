export const fieldWorkKeys = {
  defaults: ["field-work", "defaults"] as const,
  venues: ["field-work", "venues"] as const,
  personSearch: (term: string) => ["field-work", "person-search", term] as const,
  week: (from: string) => ["field-work", "week", from] as const,
};

export const defaultsQuery = `query EncounterDefaults {
  encounterDefaults { channel placeType venue { id name } }
  venues(first: 100) { edges { node { id name } } }
}`;

export const personSearchQuery = `query PersonSearch($search: String) {
  persons(first: 8, search: $search, filter: { ownOnly: true }) { edges { node { id alias birthYear } } }
}`;

export const recordEncounterMutation = `mutation RecordEncounter($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id } }
    ... on InputValidationError { code message fields { path code message } }
  }
}`;

export const personAliasQuery = `query PersonAlias($id: ID!) { person(id: $id) { id alias } }`;

export const weekQuery = `query MyWeek($from: DateTime!, $to: DateTime!) {
  myAccompaniments(from: $from, to: $to) { id plannedAt destination status outcome person { alias } partnerOrganisation { name } }
}`;

export const planMutation = `mutation Plan($input: PlanAccompanimentInput!) {
  planAccompaniment(input: $input) {
    __typename ... on PlanAccompanimentSuccess { accompaniment { id } } ... on InputValidationError { code message fields { path code message } }
  }
}`;

export const closeMutation = `mutation Close($input: CloseAccompanimentInput!) {
  closeAccompaniment(input: $input) {
    __typename ... on CloseAccompanimentSuccess { accompaniment { id status } } ... on AppError { code message } ... on InputValidationError { fields { path code message } }
  }
}`;

export const venuesQuery = `query Venues { venues(first: 100) { edges { node { id name kind visitCadenceDays lastVisitAt overdue confidential address } } } }`;

export const createVenueMutation = `mutation CreateVenue($input: CreateVenueInput!) {
  createVenue(input: $input) { __typename ... on CreateVenueSuccess { venue { id } } ... on InputValidationError { code message fields { path code message } } }
}`;

export const encounterForEditQuery = `query EncounterForEdit($id: ID!) {
  node(id: $id) {
    ... on Encounter {
      id occurredAt channel placeType venueId themes headCount anonymousGender anonymousAgeBracket note
      materials { item quantity } person { id alias }
    }
  }
}`;

export const updateEncounterMutation = `mutation UpdateEncounter($input: UpdateEncounterInput!) {
  updateEncounter(input: $input) {
    __typename
    ... on UpdateEncounterSuccess { encounter { id } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;
