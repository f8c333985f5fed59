/** GraphQL documents of the shift log and the home screen's handover; types from schema.graphql. */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const shiftReportKeys = { all: ["shift-reports"] as const };

export const ShiftReportFields = graphql(`
  fragment ShiftReportFields on ShiftReport {
    id
    startsAt
    endsAt
    enteredAt
    lateEntry
    authorName
    viewerMayChange
    handoverNote
    coInterventions
    members { userId displayName }
    venues { id name }
    partners { name interventions organisation { id } }
  }
`);

/** The team's recent reports, and what tonight's may name: the team, the venues covered. */
export const ShiftLogQuery = graphql(`
  query ShiftLog {
    shiftReports(first: 10) {
      edges { node { ...ShiftReportFields } }
    }
    shiftTeamMembers { userId displayName }
    venues(first: 100) {
      edges { node { id name overdue } }
    }
  }
`);

export type ShiftReportItem = ResultOf<typeof ShiftLogQuery>["shiftReports"]["edges"][number]["node"];

export const RecordShiftReport = graphql(`
  mutation RecordShiftReport($input: RecordShiftReportInput!) {
    recordShiftReport(input: $input) {
      __typename
      ... on RecordShiftReportSuccess { shiftReport { id } }
      ...MutationFailure
    }
  }
`);

export const UpdateShiftReport = graphql(`
  mutation UpdateShiftReport($input: UpdateShiftReportInput!) {
    updateShiftReport(input: $input) {
      __typename
      ... on UpdateShiftReportSuccess { shiftReport { id } }
      ...MutationFailure
    }
  }
`);

export const DeleteShiftReport = graphql(`
  mutation DeleteShiftReport($id: ID!) {
    deleteShiftReport(id: $id) {
      __typename
      ... on DeleteShiftReportSuccess { deletedId }
      ...MutationFailure
    }
  }
`);
