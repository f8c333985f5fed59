/** GraphQL documents of the night-centre screens; types from schema.graphql. */
import { graphql } from "../../generated/gql.ts";

export const nightCentreKeys = {
  all: ["night-centre"] as const,
  home: ["night-centre", "home"] as const,
  evening: (id: string) => ["night-centre", "evening", id] as const,
};

export const EveningFields = graphql(`
  fragment EveningFields on NightCentreEvening {
    id
    version
    eveningOn
    openedAt
    closedAt
    closed
    centre {
      id
      name
    }
    staff {
      id
      displayName
    }
    partners {
      id
      name
      service
      serviceLabel
      organisation {
        id
        name
      }
    }
    handoverNote
    previousEvening {
      id
      eveningOn
      handoverNote
    }
    visits {
      id
      occurredAt
      headCount
      anonymousGender
      anonymousAgeBracket
      viewerMayChange
      person {
        id
        alias
      }
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
    visitFlags {
      visitId
      firstVisit
      intakeDue
    }
    totals {
      checkIns
      visits
      distinctVisitors
      firstVisits
      items {
        code
        label
        count
      }
      services {
        code
        label
        count
      }
    }
  }
`);

/** The screen's start: the open evenings, the last closed one of each centre, what opening offers. */
export const NightCentreHomeQuery = graphql(`
  query NightCentreHome {
    open: nightCentreEvenings(first: 10, open: true) {
      edges {
        node {
          id
          eveningOn
          centre {
            id
            name
          }
        }
      }
    }
    recent: nightCentreEvenings(first: 10, open: false) {
      edges {
        node {
          id
          eveningOn
          handoverNote
          centre {
            id
            name
          }
        }
      }
    }
    nightCentreChoices {
      centres {
        id
        name
      }
      staff {
        id
        displayName
      }
      partnerOrganisations {
        id
        name
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

export const EveningQuery = graphql(`
  query NightCentreEvening($id: ID!) {
    node(id: $id) {
      ... on NightCentreEvening {
        ...EveningFields
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

export const OpenEvening = graphql(`
  mutation OpenNightCentreEvening($input: OpenNightCentreEveningInput!) {
    openNightCentreEvening(input: $input) {
      __typename
      ... on OpenNightCentreEveningSuccess {
        evening {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

/** Sent through the phone's queue (offline/field-queue.ts) with its idempotency key. */
export const CheckInToEvening = graphql(`
  mutation CheckInToEvening($input: CheckInToEveningInput!) {
    checkInToEvening(input: $input) {
      __typename
      ... on CheckInToEveningSuccess {
        checkIn {
          firstVisit
          intakeDue
          visit {
            id
          }
        }
      }
      ...MutationFailure
    }
  }
`);

export const RecordVisitReceived = graphql(`
  mutation RecordVisitReceived($input: RecordVisitReceivedInput!) {
    recordVisitReceived(input: $input) {
      __typename
      ... on RecordVisitReceivedSuccess {
        visit {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const WriteEveningHandover = graphql(`
  mutation WriteEveningHandover($input: WriteEveningHandoverInput!) {
    writeEveningHandover(input: $input) {
      __typename
      ... on WriteEveningHandoverSuccess {
        evening {
          id
          handoverNote
        }
      }
      ...MutationFailure
    }
  }
`);

export const CloseEvening = graphql(`
  mutation CloseNightCentreEvening($input: CloseNightCentreEveningInput!) {
    closeNightCentreEvening(input: $input) {
      __typename
      ... on CloseNightCentreEveningSuccess {
        evening {
          ...EveningFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const IntakeFields = graphql(`
  fragment IntakeFields on IntakeAssessment {
    id
    version
    assessedAt
    assessedBy {
      displayName
    }
    needs {
      domain
      level
    }
    comment
  }
`);

export const RecordIntake = graphql(`
  mutation RecordIntakeAssessment($input: RecordIntakeAssessmentInput!) {
    recordIntakeAssessment(input: $input) {
      __typename
      ... on RecordIntakeAssessmentSuccess {
        intake {
          ...IntakeFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateIntake = graphql(`
  mutation UpdateIntakeAssessment($input: UpdateIntakeAssessmentInput!) {
    updateIntakeAssessment(input: $input) {
      __typename
      ... on UpdateIntakeAssessmentSuccess {
        intake {
          ...IntakeFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const PersonIntakeQuery = graphql(`
  query PersonIntake($id: ID!) {
    person(id: $id) {
      id
      intakeAssessment {
        ...IntakeFields
      }
    }
  }
`);
