/**
 * The organisation's start date (issue 16): the first day its records of what happened may be
 * dated (packages/domain record-dates.ts), so that its history — years of tally sheets — is
 * entered back to it and never before. Set by its coordinators (EDIT_PROGRAMME_SETTINGS), like
 * its other settings; RLS holds the same (organisations_settings_by_coordinators, the column
 * grant of 20261203010000_organisation_start_date). Every change is audited
 * (PROGRAMME_SETTINGS_CHANGED, `{ from: { startedOn }, to: { startedOn } }`).
 *
 * Moving it later than a record already dated is refused (AFTER_EARLIEST_RECORD, naming that
 * record's day): no record may end up dated before its organisation's start, where it could no
 * longer be corrected without first moving the date back. Earlier is always allowed.
 */
import { isoDay, startedOnProblem, takesAction } from "@maillage/domain";
import { updateOrganisationStartDateInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { MeRef } from "../auth/auth.types.ts";
import { forgetSettings } from "./viewer-settings.ts";

interface RecordDatesShape {
  organisationId: string;
  startedOn: Date;
  timeZone: string;
}

/**
 * The earliest day (YYYY-MM-DD, in the organisation's zone) of its dated records: encounters,
 * accompaniments, evenings, delivery steps, workshops, consents, shift reports and the joint
 * visits it takes part in. Read under the viewer's RLS: a coordinator sees all of them.
 */
export async function earliestRecordDay(
  ctx: Pick<Context, "tx">,
  organisationId: string,
  timeZone: string,
): Promise<string | null> {
  // Each min() walks its (organisation, date) index; instants become days in the zone.
  const rows = await ctx.tx.$queryRaw<{ day: Date | null }[]>`
    SELECT min(day) AS day FROM (
      SELECT (min(occurred_at) AT TIME ZONE ${timeZone})::date AS day
        FROM encounters WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(planned_at) AT TIME ZONE ${timeZone})::date
        FROM accompaniments WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT min(evening_on)
        FROM night_centre_evenings WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(at) AT TIME ZONE ${timeZone})::date
        FROM material_delivery_transitions WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT min(held_on)
        FROM workshops WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(starts_at) AT TIME ZONE ${timeZone})::date
        FROM consents WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(starts_at) AT TIME ZONE ${timeZone})::date
        FROM shift_reports WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(planned_start) AT TIME ZONE ${timeZone})::date
        FROM nurse_visits WHERE organisation_id = ${organisationId}::uuid
      UNION ALL SELECT (min(planned_start) AT TIME ZONE ${timeZone})::date
        FROM nurse_visits WHERE worker_organisation_id = ${organisationId}::uuid
    ) days`;
  const day = rows[0]?.day;
  return day ? isoDay(day) : null;
}

const RecordDatesRef = builder.objectRef<RecordDatesShape>("OrganisationRecordDates").implement({
  description:
    "When the acting organisation's records of what happened may be dated: from its start date to today (a few minutes' tolerance for an instant).",
  fields: (t) => ({
    startedOn: t.field({
      type: "Date",
      description: "The organisation's start date: no record is dated before it. Set by its coordinators.",
      resolve: (dates) => dates.startedOn,
    }),
    earliestRecordOn: t.field({
      type: "Date",
      nullable: true,
      description:
        "The day of its earliest dated record (the start date cannot move after it); null when it has none. Its coordinators only (others read null).",
      resolve: async (dates, _args, ctx) => {
        if (!ctx.viewer || !takesAction(ctx.viewer.roles, "EDIT_PROGRAMME_SETTINGS")) return null;
        const day = await earliestRecordDay(ctx, dates.organisationId, dates.timeZone);
        return day ? new Date(`${day}T00:00:00.000Z`) : null;
      },
    }),
  }),
});

builder.objectField(MeRef, "recordDates", (t) =>
  t.field({
    type: RecordDatesRef,
    nullable: true,
    description: "The acting organisation's date rule for records of what happened; null with none.",
    resolve: (me) =>
      me.actingOrganisation
        ? {
            organisationId: me.actingOrganisation.id,
            startedOn: me.actingOrganisation.startedOn,
            timeZone: me.actingOrganisation.timeZone,
          }
        : null,
  }),
);

defineMutation("updateOrganisationStartDate", {
  description:
    "A coordinator sets the acting organisation's start date (its records are dated from it). Refused after an existing record's day. Audited.",
  authScopes: { takesAction: "EDIT_PROGRAMME_SETTINGS" },
  input: updateOrganisationStartDateInput,
  payload: { recordDates: RecordDatesRef },
  resolve: async (input, ctx) => {
    const id = ctx.viewer.organisationId;
    const before = await ctx.tx.organisation.findUniqueOrThrow({
      where: { id },
      select: { startedOn: true, timeZone: true },
    });
    const startedOn = isoDay(input.startedOn);
    const problem = startedOnProblem(startedOn, ctx.now, before.timeZone);
    if (problem) throw fieldProblem(ctx.locale, "startedOn", problem);
    if (startedOn > isoDay(before.startedOn)) {
      const earliest = await earliestRecordDay(ctx, id, before.timeZone);
      if (earliest && earliest < startedOn) {
        throw fieldProblem(ctx.locale, "startedOn", "AFTER_EARLIEST_RECORD", earliest);
      }
    }
    const after = await ctx.tx.organisation.update({
      where: { id },
      data: { startedOn: input.startedOn },
      select: { startedOn: true, timeZone: true },
    });
    forgetSettings(ctx);
    await auditViewerAction(ctx, {
      action: "PROGRAMME_SETTINGS_CHANGED",
      recordKind: "ORGANISATION",
      recordId: id,
      details: { from: { startedOn: isoDay(before.startedOn) }, to: { startedOn: isoDay(after.startedOn) } },
    });
    return { organisationId: id, startedOn: after.startedOn, timeZone: after.timeZone };
  },
});
