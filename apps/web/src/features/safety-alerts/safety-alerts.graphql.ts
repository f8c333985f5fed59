/** GraphQL documents of the safety-alert screens; their types come from schema.graphql (codegen). */
import { defaultProgrammeSettings, wallTime } from "@maillage/domain";
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const safetyAlertKeys = {
  all: ["safety-alerts"] as const,
  active: (first: number) => ["safety-alerts", "active", first] as const,
};

export const SafetyAlertFields = graphql(`
  fragment SafetyAlertFields on SafetyAlert {
    id
    whatHappened
    aggressorDescription
    vehicleDescription
    area
    occurredOn
    expiresAt
    withdrawable
    partnership {
      name
    }
  }
`);

export const ActiveSafetyAlertsQuery = graphql(`
  query ActiveSafetyAlerts($first: Int!) {
    activeSafetyAlerts(first: $first) {
      edges {
        node {
          ...SafetyAlertFields
        }
      }
    }
  }
`);

export type SafetyAlert = ResultOf<
  typeof ActiveSafetyAlertsQuery
>["activeSafetyAlerts"]["edges"][number]["node"];

export const PublishSafetyAlert = graphql(`
  mutation PublishSafetyAlert($input: PublishSafetyAlertInput!) {
    publishSafetyAlert(input: $input) {
      __typename
      ... on PublishSafetyAlertSuccess {
        alert {
          ...SafetyAlertFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const WithdrawSafetyAlert = graphql(`
  mutation WithdrawSafetyAlert($id: ID!) {
    withdrawSafetyAlert(id: $id) {
      __typename
      ... on WithdrawSafetyAlertSuccess {
        alert {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

/** Today in the programme's time zone, plus some days, as YYYY-MM-DD (what a date input holds). */
export function zonedDay(timeZone: string, plusDays = 0): string {
  const { year, month, day } = wallTime(new Date(Date.now() + plusDays * 86_400_000), timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * @deprecated Toronto's day whatever the programme: use zonedDay with `useT().timeZone` (kept
 * for a screen still calling it; it goes once none does).
 */
export function torontoDay(plusDays = 0): string {
  return zonedDay(defaultProgrammeSettings.timeZone, plusDays);
}

/**
 * A calendar date shown as such: noon UTC is that same day in every zone from UTC−11 to UTC+11
 * (Québec's and Wallonia's programmes alike).
 */
export function calendarDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
