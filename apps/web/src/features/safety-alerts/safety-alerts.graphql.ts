/** Safety-alert documents, types and query keys. */

export interface SafetyAlert {
  id: string;
  whatHappened: string;
  aggressorDescription: string | null;
  vehicleDescription: string | null;
  area: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  expiresAt: string;
  partnership: { name: string };
}

const alertFields = `id whatHappened aggressorDescription vehicleDescription area occurredOn expiresAt
  partnership { name }`;

export const activeSafetyAlertsQuery = `query ActiveSafetyAlerts($first: Int!) {
  activeSafetyAlerts(first: $first) { edges { node { ${alertFields} } } }
}`;

export const alertPartnershipsQuery = `query AlertPartnerships { myPartnerships { id name } }`;

export const publishSafetyAlertMutation = `mutation PublishSafetyAlert($input: PublishSafetyAlertInput!) {
  publishSafetyAlert(input: $input) {
    __typename
    ... on PublishSafetyAlertSuccess { alert { ${alertFields} } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export const safetyAlertKeys = {
  all: ["safety-alerts"] as const,
  active: (first: number) => ["safety-alerts", "active", first] as const,
  partnerships: ["safety-alerts", "partnerships"] as const,
};

/** Today in America/Toronto, plus some days, as YYYY-MM-DD (what a date input holds). */
export function torontoDay(plusDays = 0): string {
  const day = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(day);
}

/** A calendar date shown as such: noon UTC never crosses a day boundary in Toronto. */
export function calendarDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
