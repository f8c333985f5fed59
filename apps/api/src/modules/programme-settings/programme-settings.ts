/**
 * Programme settings (issue 15 item 8): a partnership's time zone, fiscal-year start month,
 * locale and follow-up rule (issue 17: met at least N times in the period) (its committee's figures follow them), and each organisation's own (its members' days,
 * slots and figures follow them: viewer-settings.ts).
 *
 * What happens when one changes: nothing else follows by itself. A partnership's settings change
 * only the partnership's figures; an organisation keeps its own until its coordinator changes
 * them (the settings page shows where they differ from a partnership's and offers to copy them).
 * An organisation joins a partnership outside the app (the operator, the seed): its settings are
 * set equal to the partnership's there, then they are the organisation's.
 *
 * Both are set by coordinators (organisationActions.EDIT_PROGRAMME_SETTINGS): of the acting
 * organisation for its own, of a member organisation for a partnership's — like the sharing
 * agreement; RLS holds the same (organisations_settings_by_coordinators,
 * partnerships_settings_by_member_coordinators, on these three columns only). Every change is
 * audited (PROGRAMME_SETTINGS_CHANGED, with the settings before and after).
 */
import { defaultProgrammeSettings } from "@maillage/domain";
import { updateOrganisationSettingsInput, updatePartnershipSettingsInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import { NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { MeRef } from "../auth/auth.types.ts";
import { PartnershipNode } from "../organisations/organisations.types.ts";
import {
  forgetSettings,
  type ProgrammeSettingsWithFollowUp,
  settingsWithFollowUpColumns,
  settingsWithFollowUpOf,
} from "./viewer-settings.ts";

export const ProgrammeSettingsRef = builder
  .objectRef<ProgrammeSettingsWithFollowUp>("ProgrammeSettings")
  .implement({
    description:
      "The time zone days, slots and figures are counted in, the fiscal year's first month and the locale dates and numbers are written in (the UI language stays each user's).",
    fields: (t) => ({
      timeZone: t.exposeString("timeZone", { description: "IANA, e.g. America/Toronto, Europe/Brussels." }),
      fiscalYearStartMonth: t.exposeInt("fiscalYearStartMonth", {
        description: "1 = January … 12 = December: fiscal year N starts on the 1st of this month of year N.",
      }),
      locale: t.exposeString("locale", { description: "BCP 47, e.g. fr-CA, fr-BE, en-CA." }),
      followUpMinEncounters: t.exposeInt("followUpMinEncounters", {
        description:
          "The follow-up rule of the figures: a person is in regular follow-up when met at least this many times in the period.",
      }),
    }),
  });

builder.objectField(PartnershipNode, "programmeSettings", (t) =>
  t.field({
    type: ProgrammeSettingsRef,
    description: "The partnership's settings: its committee's figures follow them.",
    resolve: (partnership) => settingsWithFollowUpOf(partnership),
  }),
);

builder.objectField(MeRef, "programmeSettings", (t) =>
  t.field({
    type: ProgrammeSettingsRef,
    description:
      "The settings the viewer's days, slots and figures follow: the acting organisation's (a committee-only user: her first committee's partnership's).",
    resolve: (me) => {
      const source = me.actingOrganisation ?? me.committeeSeats[0]?.partnership;
      return settingsWithFollowUpOf(source ?? defaultProgrammeSettings);
    },
  }),
);

defineMutation("updateOrganisationSettings", {
  description:
    "A coordinator sets the acting organisation's own programme settings (time zone, fiscal-year start, locale, follow-up rule).",
  authScopes: { takesAction: "EDIT_PROGRAMME_SETTINGS" },
  input: updateOrganisationSettingsInput,
  payload: { settings: ProgrammeSettingsRef },
  resolve: async (input, ctx) => {
    const id = ctx.viewer.organisationId;
    const before = await ctx.tx.organisation.findUniqueOrThrow({
      where: { id },
      select: settingsWithFollowUpColumns,
    });
    const after = await ctx.tx.organisation.update({
      where: { id },
      data: input,
      select: settingsWithFollowUpColumns,
    });
    forgetSettings(ctx);
    await auditViewerAction(ctx, {
      action: "PROGRAMME_SETTINGS_CHANGED",
      recordKind: "ORGANISATION",
      recordId: id,
      details: { from: settingsWithFollowUpOf(before), to: settingsWithFollowUpOf(after) },
    });
    return settingsWithFollowUpOf(after);
  },
});

defineMutation("updatePartnershipSettings", {
  description:
    "A coordinator of a member organisation sets the partnership's programme settings (its committee's figures).",
  authScopes: { takesAction: "EDIT_PROGRAMME_SETTINGS" },
  input: updatePartnershipSettingsInput,
  payload: { partnership: PartnershipNode },
  resolve: async ({ partnershipId: globalId, ...settings }, ctx) => {
    const partnershipId = decodeId(globalId, "Partnership");
    // Of a partnership the acting organisation is a member of (its committee reads, never writes).
    const before = partnershipId
      ? await ctx.tx.partnership.findFirst({
          where: { id: partnershipId, members: { some: { organisationId: ctx.viewer.organisationId } } },
          select: { id: true, ...settingsWithFollowUpColumns },
        })
      : null;
    if (!before) throw new NotFoundError(ctx.locale);
    const after = await ctx.tx.partnership.update({ where: { id: before.id }, data: settings });
    forgetSettings(ctx);
    await auditViewerAction(ctx, {
      action: "PROGRAMME_SETTINGS_CHANGED",
      recordKind: "PARTNERSHIP",
      recordId: before.id,
      details: { from: settingsWithFollowUpOf(before), to: settingsWithFollowUpOf(after) },
    });
    return after;
  },
});
