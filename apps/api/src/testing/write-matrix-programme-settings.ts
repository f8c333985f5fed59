/**
 * The write matrix's attempts on programme settings (see write-matrix-operations.ts): an
 * organisation's own (time zone, fiscal-year start, locale) and its partnership's. An accepted
 * GraphQL cell sets the settings the world already has (Toronto, April, fr-CA), so that no other
 * cell's dates move; its audit event, by this viewer, tells its write apart from the others'.
 */
import { type AttemptsByKind, exists, g, input } from "./write-matrix-operations.ts";

const sameSettings = { timeZone: "America/Toronto", fiscalYearStartMonth: 4, locale: "fr-CA" };

const auditedBy = (userId: string, recordId: string) =>
  exists(
    "SELECT 1 FROM audit_events WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND user_id = $1 AND record_id = $2",
    [userId, recordId],
  );

export const programmeSettingsAttempts = {
  "organisation's programme settings": {
    update: {
      sql: ({ world }) => ({
        sql: "UPDATE organisations SET time_zone = 'Europe/Brussels', fiscal_year_start_month = 1 WHERE id = $1",
        params: [world.ownerId],
      }),
      graphql: ({ world, viewer }) =>
        input("updateOrganisationSettings", sameSettings, auditedBy(viewer.user.id, world.ownerId)),
    },
  },
  // An accepted GraphQL cell sets the start date the world already has (the default), so that no
  // other cell's dates are refused; its audit event tells it apart.
  "organisation's start date": {
    update: {
      sql: ({ world }) => ({
        sql: "UPDATE organisations SET started_on = DATE '2001-01-01' WHERE id = $1",
        params: [world.ownerId],
      }),
      graphql: ({ world, viewer }) =>
        input(
          "updateOrganisationStartDate",
          { startedOn: "2000-01-01" },
          exists(
            `SELECT 1 FROM audit_events WHERE action = 'PROGRAMME_SETTINGS_CHANGED' AND user_id = $1
               AND record_id = $2 AND details -> 'to' ? 'startedOn'`,
            [viewer.user.id, world.ownerId],
          ),
        ),
    },
  },
  "partnership's programme settings": {
    update: {
      sql: ({ world }) => ({
        sql: "UPDATE partnerships SET time_zone = 'Europe/Brussels', fiscal_year_start_month = 1 WHERE id = $1",
        params: [world.partnershipId],
      }),
      graphql: ({ world, viewer }) =>
        input(
          "updatePartnershipSettings",
          { partnershipId: g("Partnership", world.partnershipId), ...sameSettings },
          auditedBy(viewer.user.id, world.partnershipId),
        ),
    },
  },
} satisfies AttemptsByKind;
