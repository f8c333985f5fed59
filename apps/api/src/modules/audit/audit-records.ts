import type { AuditRecordKind } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  visibleAccompanimentWhere,
  visibleConsentWhere,
  visibleEncounterWhere,
  visibleNurseVisitWhere,
  visiblePartnershipWhere,
  visiblePersonWhere,
  visibleReferralWhere,
  visibleSafetyAlertWhere,
  visibleShiftReportWhere,
  visibleVenueWhere,
  visibleWorkshopWhere,
} from "../../access/visible-records.ts";
import type { Context } from "../../context.ts";
import { uuidPattern } from "../../global-ids.ts";

/** What an audit row says of the record it touched, as far as the viewer may see it. */
export interface AuditRecordShape {
  /** How the record reads (a person's alias, a member's or a partnership's name, an alert's area). */
  label: string | null;
  /** When the record is a visit: its planned start (the web writes the date). */
  at: Date | null;
  /** The global id of the page to open for it (a person's file, a visit, a referral), when the viewer may. */
  openId: string | null;
}

const nothing: AuditRecordShape = { label: null, at: null, openId: null };

/** The person a record is about, as far as the viewer sees her (a to-one relation takes no filter). */
function visiblePerson(ctx: Context, personId: string | null | undefined) {
  return personId
    ? ctx.tx.person.findFirst({
        where: { id: personId, AND: [visiblePersonWhere(ctx.viewer, ctx.now)] },
        select: { id: true, alias: true },
      })
    : null;
}

/**
 * Each lookup goes through the kind's visible…Where filter (and RLS behind it): an org admin
 * without a working role reads that a file was opened, never whose — the row then says "a person".
 */
export async function auditRecordOf(
  ctx: Context,
  kind: AuditRecordKind | null,
  recordId: string | null,
): Promise<AuditRecordShape> {
  if (!recordId || !uuidPattern.test(recordId)) return nothing;
  const viewer = ctx.viewer;
  const ofPerson = (person: { id: string; alias: string } | null | undefined): AuditRecordShape =>
    person ? { label: person.alias, at: null, openId: encodeGlobalID("Person", person.id) } : nothing;
  switch (kind) {
    case "PERSON":
      return ofPerson(await visiblePerson(ctx, recordId));
    case "CONSENT": {
      const consent = await ctx.tx.consent.findFirst({
        where: { id: recordId, AND: [visibleConsentWhere(viewer)] },
        select: { personId: true },
      });
      return ofPerson(await visiblePerson(ctx, consent?.personId));
    }
    case "ENCOUNTER": {
      const encounter = await ctx.tx.encounter.findFirst({
        where: { id: recordId, AND: [visibleEncounterWhere(viewer, ctx.now)] },
        select: { personId: true },
      });
      return ofPerson(await visiblePerson(ctx, encounter?.personId));
    }
    case "ACCOMPANIMENT": {
      const accompaniment = await ctx.tx.accompaniment.findFirst({
        where: { id: recordId, AND: [visibleAccompanimentWhere(viewer, ctx.now)] },
        select: { personId: true },
      });
      return ofPerson(await visiblePerson(ctx, accompaniment?.personId));
    }
    case "NURSE_VISIT": {
      const visit = await ctx.tx.nurseVisit.findFirst({
        where: { id: recordId, AND: [visibleNurseVisitWhere(viewer, ctx.now)] },
        select: { id: true, plannedStart: true },
      });
      return visit
        ? { label: null, at: visit.plannedStart, openId: encodeGlobalID("NurseVisit", visit.id) }
        : nothing;
    }
    case "REFERRAL": {
      const referral = await ctx.tx.referral.findFirst({
        where: { id: recordId, AND: [visibleReferralWhere(viewer)] },
        select: { id: true, personId: true },
      });
      if (!referral) return nothing;
      const person = await visiblePerson(ctx, referral.personId);
      return { label: person?.alias ?? null, at: null, openId: encodeGlobalID("Referral", referral.id) };
    }
    case "MEMBERSHIP": {
      // The member whose roles changed (the event names the user): a member of the viewer's organisation.
      const membership = viewer?.organisationId
        ? await ctx.tx.membership.findFirst({
            where: { userId: recordId, organisationId: viewer.organisationId },
            select: { user: { select: { displayName: true } } },
          })
        : null;
      return membership ? { label: membership.user.displayName, at: null, openId: null } : nothing;
    }
    case "PARTNERSHIP": {
      const partnership = await ctx.tx.partnership.findFirst({
        where: { id: recordId, AND: [visiblePartnershipWhere(viewer)] },
        select: { name: true },
      });
      return partnership ? { label: partnership.name, at: null, openId: null } : nothing;
    }
    case "SAFETY_ALERT": {
      const alert = await ctx.tx.safetyAlert.findFirst({
        where: { id: recordId, AND: [visibleSafetyAlertWhere(viewer)] },
        select: { area: true },
      });
      return alert ? { label: alert.area, at: null, openId: null } : nothing;
    }
    case "VENUE": {
      const venue = await ctx.tx.venue.findFirst({
        where: { id: recordId, AND: [visibleVenueWhere(viewer)] },
        select: { name: true },
      });
      return venue ? { label: venue.name, at: null, openId: null } : nothing;
    }
    case "INVITATION": {
      // Read under the invitations' own policy (the organisation's MANAGE_MEMBERS roles).
      const invitation = viewer?.organisationId
        ? await ctx.tx.invitation.findFirst({
            where: { id: recordId, organisationId: viewer.organisationId },
            select: { displayName: true },
          })
        : null;
      return invitation ? { label: invitation.displayName, at: null, openId: null } : nothing;
    }
    case "ORGANISATION": {
      const organisation =
        viewer?.organisationId === recordId
          ? await ctx.tx.organisation.findFirst({ where: { id: recordId }, select: { name: true } })
          : null;
      return organisation ? { label: organisation.name, at: null, openId: null } : nothing;
    }
    case "SHIFT_REPORT": {
      const report = await ctx.tx.shiftReport.findFirst({
        where: { id: recordId, AND: [visibleShiftReportWhere(viewer)] },
        select: { startsAt: true },
      });
      return report ? { label: null, at: report.startsAt, openId: null } : nothing;
    }
    case "WORKSHOP": {
      const workshop = await ctx.tx.workshop.findFirst({
        where: { id: recordId, AND: [visibleWorkshopWhere(viewer)] },
        select: { place: true },
      });
      return workshop ? { label: workshop.place, at: null, openId: null } : nothing;
    }
    default:
      return nothing;
  }
}
