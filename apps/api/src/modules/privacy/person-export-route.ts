/**
 * POST /privacy/person-export?person=<Person id>: everything the acting organisation holds about
 * one person of its files, as structured JSON (Law 25 s. 27, portability: "in a structured,
 * commonly used technological format"), for its coordinators (MANAGE_PRIVACY). Read under the
 * coordinator's row-level security through the kinds' visible…Where filters, so it holds what the
 * organisation holds and she may read: the profile and legal name, who follows her, consents,
 * encounters with their material, services and notes, accompaniments with notes and outcomes,
 * referrals and every step, joint visits (logistics, act kinds, reason, meeting place), the intake
 * form, deliveries with their items, place and steps. Not included, and said so in the file:
 * clinical notes (the public-health organisation's record: it answers her request itself) and
 * the audit log. Audited (PERSON_DATA_EXPORTED), which "who viewed this file" lists; the answer
 * is ended once that is committed (http/acting-route.ts). A POST for its CSRF token, as /exports.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isoDay } from "@maillage/domain";
import { auditViewerAction } from "../../access/audit-writes.ts";
import {
  visibleAccompanimentWhere,
  visibleConsentWhere,
  visibleEncounterWhere,
  visibleIntakeAssessmentWhere,
  visibleMaterialDeliveryWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
  visibleReferralWhere,
} from "../../access/visible-records.ts";
import type { ActingContext } from "../../context.ts";
import { decodeId } from "../../global-ids.ts";
import type { createActingRoute } from "../../http/acting-route.ts";
import { RouteRefusal, refusedUnlessPost } from "../../http/acting-route.ts";
import { securityHeaders } from "../../http/security-headers.ts";

export const personExportPath = "/privacy/person-export";

/** The file's content: a version, when, for which organisation, and her records by kind. */
export async function personExport(ctx: ActingContext, personId: string) {
  const { viewer, now } = ctx;
  const person = await ctx.tx.person.findFirst({
    where: { id: personId, organisationId: viewer.organisationId, AND: [visiblePersonWhere(viewer, now)] },
    include: {
      legalName: { select: { legalName: true } },
      followers: { select: { createdAt: true, user: { select: { displayName: true } } } },
      intakeAssessments: { where: visibleIntakeAssessmentWhere(viewer), omit: { organisationId: true } },
    },
    omit: { aliasSearch: true },
  });
  if (!person) return null;
  const [organisation, consents, encounters, accompaniments, referrals, nurseVisits, deliveries] =
    await Promise.all([
      ctx.tx.organisation.findUniqueOrThrow({ where: { id: viewer.organisationId }, select: { name: true } }),
      ctx.tx.consent.findMany({
        where: { personId, AND: [visibleConsentWhere(viewer)] },
        include: {
          granteeOrganisation: { select: { name: true } },
          granteePartnership: { select: { name: true } },
        },
        orderBy: { createdAt: "asc" },
      }),
      ctx.tx.encounter.findMany({
        where: { personId, AND: [visibleEncounterWhere(viewer, now)] },
        include: {
          materials: { select: { item: true, quantity: true } },
          services: { select: { service: true } },
          note: { select: { body: true } },
          venue: { select: { name: true } },
        },
        orderBy: { occurredAt: "asc" },
      }),
      ctx.tx.accompaniment.findMany({
        where: { personId, AND: [visibleAccompanimentWhere(viewer, now)] },
        include: { note: { select: { body: true } }, outcome: { select: { body: true } } },
        orderBy: { plannedAt: "asc" },
      }),
      ctx.tx.referral.findMany({
        where: { personId, AND: [visibleReferralWhere(viewer)] },
        include: {
          toOrganisation: { select: { name: true } },
          transitions: { orderBy: { at: "asc" }, omit: { referralId: true } },
        },
        orderBy: { createdAt: "asc" },
      }),
      ctx.tx.nurseVisit.findMany({
        where: { persons: { some: { personId } }, AND: [visibleNurseVisitWhere(viewer, now)] },
        include: {
          organisation: { select: { name: true } },
          acts: { select: { kind: true, count: true } },
          reason: { select: { body: true } },
          meetingPlace: { select: { body: true } },
        },
        orderBy: { plannedStart: "asc" },
      }),
      ctx.tx.materialDelivery.findMany({
        where: { personId, AND: [visibleMaterialDeliveryWhere(viewer)] },
        include: {
          items: { select: { item: true, quantity: true } },
          place: { select: { timeWindow: true, place: true } },
          transitions: { orderBy: { at: "asc" }, select: { fromStatus: true, toStatus: true, at: true } },
        },
        orderBy: { createdAt: "asc" },
      }),
    ]);
  const { legalName, followers, intakeAssessments, ...profile } = person;
  return {
    format: "maillage.person-export",
    version: 1,
    exportedAt: now.toISOString(),
    organisation: { id: viewer.organisationId, name: organisation.name },
    person: { ...profile, legalName: legalName?.legalName ?? null },
    followedBy: followers.map((f) => ({ name: f.user.displayName, since: f.createdAt })),
    consents: consents.map(({ granteeOrganisation, granteePartnership, ...consent }) => ({
      ...consent,
      granteeOrganisationName: granteeOrganisation?.name ?? null,
      granteePartnershipName: granteePartnership?.name ?? null,
    })),
    encounters: encounters.map(({ note, venue, materials, services, ...encounter }) => ({
      ...encounter,
      venueName: venue?.name ?? null,
      materials,
      services: services.map((s) => s.service),
      note: note?.body ?? null,
    })),
    accompaniments: accompaniments.map(({ note, outcome, ...accompaniment }) => ({
      ...accompaniment,
      note: note?.body ?? null,
      outcome: outcome?.body ?? null,
    })),
    referrals: referrals.map(({ toOrganisation, ...referral }) => ({
      ...referral,
      toOrganisationName: toOrganisation.name,
    })),
    nurseVisits: nurseVisits.map(({ organisation: owner, reason, meetingPlace, ...visit }) => ({
      ...visit,
      organisationName: owner.name,
      reason: reason?.body ?? null,
      meetingPlace: meetingPlace?.body ?? null,
    })),
    intakeAssessments,
    deliveries,
    notIncluded: {
      clinicalNotes:
        "Clinical notes and results are the public-health organisation's record: it answers a request for them itself.",
      auditLog: "Who read or changed the file is kept in the organisation's audit log.",
    },
  };
}

export function createPersonExportHandler(actFor: ReturnType<typeof createActingRoute>) {
  return async function handlePersonExport(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (refusedUnlessPost(req, res)) return;
    const globalId = url.searchParams.get("person") ?? "";
    await actFor(req, res, "MANAGE_PRIVACY", async (ctx) => {
      const personId = decodeId(globalId, "Person");
      const content = personId ? await personExport(ctx, personId) : null;
      if (!personId || !content) throw new RouteRefusal(404, "NOT_FOUND");
      await auditViewerAction(ctx, {
        action: "PERSON_DATA_EXPORTED",
        recordKind: "PERSON",
        recordId: personId,
        details: { format: "json" },
      });
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="maillage-dossier-${personId.slice(0, 8)}-${isoDay(ctx.now)}.json"`,
        "cache-control": "no-store",
        ...securityHeaders,
      });
      res.write(JSON.stringify(content, null, 2));
      return undefined;
    });
  };
}
