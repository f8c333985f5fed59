import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";
import "./modules/errors/errors.types.ts";
import "./modules/organisations/organisations.types.ts";
import "./modules/organisations/team.ts";
import "./modules/organisations/invitations.ts";
import "./modules/organisations/members.ts";
import "./modules/auth/auth.types.ts";
import "./modules/auth/auth.queries.ts";
import "./modules/auth/auth.mutations.ts";
import "./modules/devices/devices.mutations.ts";
import "./modules/persons/persons.types.ts";
import "./modules/persons/persons.queries.ts";
import "./modules/persons/persons.mutations.ts";
import "./modules/persons/followers.ts";
import "./modules/encounters/encounters.types.ts";
import "./modules/encounters/encounters.mutations.ts";
import "./modules/accompaniments/accompaniments.types.ts";
import "./modules/accompaniments/accompaniments.mutations.ts";
import "./modules/nurse-visits/nurse-visits.types.ts";
import "./modules/nurse-visits/availability.ts";
import "./modules/nurse-visits/nurse-visits.mutations.ts";
import "./modules/nurse-visits/booking-consents.ts";
import "./modules/nurse-visits/calendar.ts";
import "./modules/nurse-visits/reassignment.ts";
import "./modules/referrals/referrals.types.ts";
import "./modules/referrals/referrals.queries.ts";
import "./modules/referrals/referrals.mutations.ts";
import "./modules/venues/venues.types.ts";
import "./modules/venues/venues.mutations.ts";
import "./modules/safety-alerts/safety-alerts.types.ts";
import "./modules/safety-alerts/safety-alerts.mutations.ts";
import "./modules/audit/audit.types.ts";
import "./modules/consents/consents.types.ts";
import "./modules/consents/consents.mutations.ts";
import "./modules/partnerships/partnerships.types.ts";
import "./modules/partner-preview/partner-preview.queries.ts";
import "./modules/dashboards/dashboards.queries.ts";
import "./modules/material-stock/material-stock.ts";
import "./modules/home/home.queries.ts";

export const schema = builder.toSchema();

export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}
