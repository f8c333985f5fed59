/** GraphQL documents of the persons screens, with the shapes they return. */

export const personKeys = {
  all: ["persons"] as const,
  caseload: (search: string, filters: string[]) => ["persons", "caseload", search, ...filters] as const,
  file: (id: string) => ["persons", "file", id] as const,
  preview: (id: string, organisationId: string) => ["persons", "preview", id, organisationId] as const,
  partnerships: ["persons", "partnerships"] as const,
};

export interface CaseloadRow {
  id: string;
  alias: string;
  birthYear: number | null;
  possiblyMinor: boolean;
  inRegularFollowUp: boolean;
  ownedByViewer: boolean;
  encounters: { edges: { node: { occurredAt: string } }[] };
}

export const caseloadQuery = `query Caseload($search: String, $filter: CaseloadFilter, $after: String) {
  persons(first: 25, search: $search, filter: $filter, after: $after) {
    edges { node { id alias birthYear possiblyMinor inRegularFollowUp ownedByViewer encounters(first: 1) { edges { node { occurredAt } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface Consent {
  id: string;
  status: "UPCOMING" | "ACTIVE" | "EXPIRED" | "WITHDRAWN";
  recordKinds: string[];
  startsAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
  note: string | null;
  recordedByName: string | null;
  granteeOrganisation: { id: string; name: string } | null;
  granteePartnership: { id: string; name: string } | null;
}

export interface PersonFile {
  id: string;
  alias: string;
  birthYear: number | null;
  gender: string;
  languages: string[];
  mayText: boolean;
  mayLeaveMessage: boolean;
  safeContactNote: string | null;
  inRegularFollowUp: boolean;
  possiblyMinor: boolean;
  ownedByViewer: boolean;
  legalName: string | null;
  organisation: { id: string; name: string };
  consents: Consent[];
  encounters: {
    edges: {
      node: {
        id: string;
        occurredAt: string;
        channel: string;
        placeType: string;
        themes: string[];
        headCount: number;
        note: string | null;
        viewerMayChange: boolean;
        materials: { item: string; quantity: number }[];
      };
    }[];
  };
  accompaniments: {
    edges: {
      node: {
        id: string;
        plannedAt: string;
        destination: string;
        status: string;
        outcome: string | null;
        note: string | null;
      };
    }[];
  };
  nurseVisits: {
    edges: {
      node: {
        id: string;
        plannedStart: string;
        placeType: string;
        status: string;
        acts: { kind: string; count: number }[];
      };
    }[];
  };
  referrals: {
    edges: {
      node: {
        id: string;
        createdAt: string;
        status: string;
        serviceRequested: string;
        outcome: string | null;
        consentInForce: boolean;
        toOrganisation: { name: string };
        fromOrganisation: { name: string };
      };
    }[];
  };
}

export const personFileQuery = `query PersonFile($id: ID!) {
  person(id: $id) {
    id alias birthYear gender languages mayText mayLeaveMessage safeContactNote inRegularFollowUp possiblyMinor ownedByViewer legalName
    organisation { id name }
    consents { id status recordKinds startsAt expiresAt withdrawnAt note recordedByName granteeOrganisation { id name } granteePartnership { id name } }
    encounters(first: 20) { edges { node { id occurredAt channel placeType themes headCount note viewerMayChange materials { item quantity } } } }
    accompaniments(first: 20) { edges { node { id plannedAt destination status outcome note } } }
    nurseVisits(first: 20) { edges { node { id plannedStart placeType status acts { kind count } } } }
    referrals(first: 20) { edges { node { id createdAt status serviceRequested outcome consentInForce toOrganisation { name } fromOrganisation { name } } } }
  }
}`;

export interface Partnership {
  id: string;
  name: string;
  members: { id: string; name: string; kind: string }[];
  sharingAgreement: { recordKinds: string[] } | null;
}

export const partnershipsQuery = `query MyPartnerships { myPartnerships { id name members { id name kind } sharingAgreement { recordKinds } } }`;

export const recordConsentMutation = `mutation RecordConsent($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    __typename
    ... on RecordConsentSuccess { consent { id } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export const withdrawConsentMutation = `mutation WithdrawConsent($id: ID!) {
  withdrawConsent(input: { consentId: $id }) { __typename ... on WithdrawConsentSuccess { consent { id status } } ... on AppError { code message } }
}`;

export interface PreviewResult {
  sees: boolean;
  organisation: { name: string };
  profile: { json: string } | null;
  encounters: { json: string }[];
  accompaniments: { json: string }[];
  nurseVisits: { json: string }[];
  referrals: { json: string }[];
}

export const previewQuery = `query Preview($person: ID!, $organisation: ID!) {
  personAsSeenBy(personId: $person, organisationId: $organisation) {
    __typename
    ... on PersonAsSeenBySuccess { preview { sees organisation { name } profile { json } encounters { json } accompaniments { json } nurseVisits { json } referrals { json } } }
    ... on AppError { code message }
  }
}`;

const personInputFields = "id alias";
export const createPersonMutation = `mutation CreatePerson($input: CreatePersonInput!) {
  createPerson(input: $input) {
    __typename
    ... on CreatePersonSuccess { person { ${personInputFields} } possibleDuplicates { id alias birthYear } }
    ... on InputValidationError { code message fields { path code message } }
  }
}`;

export const updatePersonMutation = `mutation UpdatePerson($input: UpdatePersonInput!) {
  updatePerson(input: $input) {
    __typename
    ... on UpdatePersonSuccess { person { ${personInputFields} } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export const deleteEncounterMutation = `mutation DeleteEncounter($id: ID!) {
  deleteEncounter(id: $id) { __typename ... on AppError { code message } }
}`;
