/** GraphQL documents of the joint-visit screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const visitKeys = {
  all: ["visits"] as const,
  calendar: (from: string) => ["visits", "calendar", from] as const,
  pending: ["visits", "pending"] as const,
  notices: ["visits", "notices"] as const,
  detail: (id: string) => ["visits", "detail", id] as const,
  slots: (durationMinutes: string) => ["visits", "slots", durationMinutes] as const,
  named: (personId: string) => ["visits", "named", personId] as const,
  consents: (personId: string) => ["visits", "consents", personId] as const,
  availability: ["visits", "availability"] as const,
  awaiting: ["visits", "awaiting"] as const,
  workers: ["visits", "workers"] as const,
  nurses: ["visits", "nurses"] as const,
  sharedPersons: (organisationId: string, term: string) =>
    ["visits", "sharedPersons", organisationId, term] as const,
};

/** What every visit screen shows of a visit: its logistics, never its clinical notes. */
export const VisitFields = graphql(`
  fragment VisitFields on NurseVisit {
    id
    status
    recordedAfter
    placeType
    plannedStart
    plannedEnd
    reason
    meetingPlace
    nurseName
    workerName
    viewerRole
    proposedByViewer
    persons {
      ...PersonSummary
    }
    acts {
      kind
      count
    }
    organisation {
      id
      name
    }
  }
`);

export const MyCalendarQuery = graphql(`
  query MyCalendar($from: DateTime!, $to: DateTime!) {
    myCalendar(from: $from, to: $to) {
      visits {
        ...VisitFields
      }
      accompaniments {
        id
        plannedAt
        destination
        status
        person {
          alias
        }
      }
    }
  }
`);

export type CalendarVisit = ResultOf<typeof MyCalendarQuery>["myCalendar"]["visits"][number];

// Clinical notes are asked for on the visit's own page only; the API answers them to the nurses
// of the organisation that owns the visit (an empty list for anyone else).
export const VisitQuery = graphql(`
  query Visit($id: ID!) {
    node(id: $id) {
      __typename
      ... on NurseVisit {
        ...VisitFields
        clinicalNotes {
          id
          body
          results
        }
      }
    }
  }
`);

type VisitNode = NonNullable<ResultOf<typeof VisitQuery>["node"]>;
/** A visit as its page shows it. */
export type VisitDetail = Extract<VisitNode, { __typename?: "NurseVisit" }>;

export const VisitNoticesQuery = graphql(`
  query VisitNotices {
    myNotifications(unreadOnly: true) {
      id
      kind
      recordId
      createdAt
    }
  }
`);

export const MarkNoticesRead = graphql(`
  mutation MarkNoticesRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const JointVisitSlotsQuery = graphql(`
  query JointVisitSlots($from: DateTime!, $to: DateTime!, $durationMinutes: Int) {
    jointVisitSlots(from: $from, to: $to, durationMinutes: $durationMinutes) {
      nurse {
        id
        displayName
      }
      organisation {
        id
        name
      }
      start
      end
    }
  }
`);

/** Before any free time is offered: may each person be booked with a nurse of each partner organisation? */
export const JointVisitConsentsQuery = graphql(`
  query JointVisitConsents($personIds: [ID!]!) {
    jointVisitConsents(personIds: $personIds) {
      personId
      consented
      organisation {
        id
        name
      }
    }
  }
`);

export type JointVisitConsent = ResultOf<typeof JointVisitConsentsQuery>["jointVisitConsents"][number];

export type JointSlot = ResultOf<typeof JointVisitSlotsQuery>["jointVisitSlots"][number];

export const ProposeNurseVisit = graphql(`
  mutation ProposeNurseVisit($input: ProposeNurseVisitInput!) {
    proposeNurseVisit(input: $input) {
      __typename
      ... on ProposeNurseVisitSuccess {
        visit {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const RespondToNurseVisit = graphql(`
  mutation RespondToNurseVisit($input: RespondToNurseVisitInput!) {
    respondToNurseVisit(input: $input) {
      __typename
      ... on RespondToNurseVisitSuccess {
        visit {
          id
          status
        }
      }
      ...MutationFailure
    }
  }
`);

export const CompleteNurseVisit = graphql(`
  mutation CompleteNurseVisit($input: CompleteNurseVisitInput!) {
    completeNurseVisit(input: $input) {
      __typename
      ... on CompleteNurseVisitSuccess {
        visit {
          id
          status
        }
      }
      ...MutationFailure
    }
  }
`);

export const ReassignNurseVisit = graphql(`
  mutation ReassignNurseVisit($input: ReassignNurseVisitInput!) {
    reassignNurseVisit(input: $input) {
      __typename
      ... on ReassignNurseVisitSuccess {
        visit {
          id
          nurseName
        }
      }
      ...MutationFailure
    }
  }
`);

export const MyAvailabilityQuery = graphql(`
  query MyAvailability {
    myAvailability {
      weekly {
        weekday
        start
        end
      }
      exceptions {
        id
        startsAt
        endsAt
        reason
      }
    }
  }
`);

export type MyAvailability = ResultOf<typeof MyAvailabilityQuery>["myAvailability"];

export const SetWeeklyAvailability = graphql(`
  mutation SetWeeklyAvailability($slots: [WeeklySlotInput!]!) {
    setWeeklyAvailability(slots: $slots) {
      __typename
      ... on SetWeeklyAvailabilitySuccess {
        availability {
          weekly {
            weekday
            start
            end
          }
        }
      }
      ...MutationFailure
    }
  }
`);

export const AddAbsence = graphql(`
  mutation AddAbsence($input: AbsenceInput!) {
    addAbsence(input: $input) {
      __typename
      ... on AddAbsenceSuccess {
        absence {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const RemoveAbsence = graphql(`
  mutation RemoveAbsence($id: ID!) {
    removeAbsence(id: $id) {
      __typename
      ... on RemoveAbsenceSuccess {
        data
      }
      ...MutationFailure
    }
  }
`);

export const RotateCalendarFeed = graphql(`
  mutation RotateCalendarFeed {
    rotateCalendarFeed {
      path
    }
  }
`);

/** Visits recorded after they happened by the worker, still awaiting the nurse: whatever their date. */
export const VisitsAwaitingConfirmationQuery = graphql(`
  query VisitsAwaitingConfirmation {
    visitsAwaitingConfirmation {
      ...VisitFields
    }
  }
`);

/** For the nurse: the partner organisations' workers who may be named on a visit already made. */
export const JointVisitWorkersQuery = graphql(`
  query JointVisitWorkers {
    jointVisitWorkers {
      id
      displayName
      organisation {
        id
        name
      }
    }
  }
`);

/** For the worker: the partnership's nurses. */
export const JointVisitNursesQuery = graphql(`
  query JointVisitNurses {
    jointVisitNurses {
      id
      displayName
      organisation {
        id
        name
      }
    }
  }
`);

export type JointVisitColleague = ResultOf<typeof JointVisitNursesQuery>["jointVisitNurses"][number];

/** For the nurse: persons of the worker's organisation shared with hers by a consent. */
export const JointVisitPersonsQuery = graphql(`
  query JointVisitPersons($workerOrganisationId: ID!, $search: String) {
    jointVisitPersons(workerOrganisationId: $workerOrganisationId, search: $search) {
      id
      alias
      birthYear
    }
  }
`);

export const RecordPastNurseVisit = graphql(`
  mutation RecordPastNurseVisit($input: RecordPastNurseVisitInput!) {
    recordPastNurseVisit(input: $input) {
      __typename
      ... on RecordPastNurseVisitSuccess {
        visit {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const SubmitPastNurseVisit = graphql(`
  mutation SubmitPastNurseVisit($input: SubmitPastNurseVisitInput!) {
    submitPastNurseVisit(input: $input) {
      __typename
      ... on SubmitPastNurseVisitSuccess {
        visit {
          id
        }
      }
      ...MutationFailure
    }
  }
`);
