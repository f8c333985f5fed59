import { Gender } from "@maillage/db";
import { isPossiblyMinor } from "@maillage/domain";
import {
  readsOwnRecord,
  visibleAccompanimentWhere,
  visibleConsentWhere,
  visibleEncounterWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
  visibleReferralWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";

export const GenderEnum = builder.enumType(Gender, { name: "Gender" });

/**
 * A person's profile: visible to the owning organisation's working roles, and to a partner's
 * while a consent covers PROFILE. Lists under a person are filtered by their own kind's rule.
 */
export const PersonNode = builder.prismaNode("Person", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visiblePersonWhere(ctx.viewer!, ctx.now)] }),
  fields: (t) => ({
    alias: t.exposeString("alias"),
    birthYear: t.exposeInt("birthYear", { nullable: true }),
    gender: t.expose("gender", { type: GenderEnum }),
    languages: t.exposeStringList("languages"),
    mayText: t.exposeBoolean("mayText"),
    mayLeaveMessage: t.exposeBoolean("mayLeaveMessage"),
    safeContactNote: t.exposeString("safeContactNote", { nullable: true }),
    inRegularFollowUp: t.exposeBoolean("inRegularFollowUp"),
    possiblyMinor: t.boolean({
      description: "Under 18 this year, by birth year: the youth-protection duty to report applies.",
      resolve: (person, _args, ctx) => isPossiblyMinor(person.birthYear, ctx.now),
    }),
    ownedByViewer: t.boolean({
      description: "Whether the acting organisation owns this file.",
      resolve: (person, _args, ctx) => person.organisationId === ctx.viewer?.organisationId,
    }),
    organisation: t.relation("organisation"),
    legalName: t.string({
      nullable: true,
      select: { legalName: true },
      authScopes: (person, _args, ctx) => readsOwnRecord(ctx.viewer, "LEGAL_NAME", person.organisationId),
      unauthorizedResolver: () => null,
      resolve: (person) => person.legalName?.legalName ?? null,
    }),
    encounters: t.relatedConnection("encounters", {
      cursor: "id",
      query: (_args, ctx) => ({
        where: visibleEncounterWhere(ctx.viewer!, ctx.now),
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      }),
    }),
    accompaniments: t.relatedConnection("accompaniments", {
      cursor: "id",
      query: (_args, ctx) => ({
        where: visibleAccompanimentWhere(ctx.viewer!, ctx.now),
        orderBy: [{ plannedAt: "desc" }, { id: "desc" }],
      }),
    }),
    nurseVisits: t.prismaConnection({
      type: "NurseVisit",
      cursor: "id",
      resolve: (query, person, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: {
            persons: { some: { personId: person.id } },
            AND: [visibleNurseVisitWhere(ctx.viewer!, ctx.now)],
          },
          orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
        }),
    }),
    referrals: t.relatedConnection("referrals", {
      cursor: "id",
      query: (_args, ctx) => ({
        where: visibleReferralWhere(ctx.viewer!),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
    }),
    consents: t.relation("consents", {
      query: (_args, ctx) => ({
        where: visibleConsentWhere(ctx.viewer!),
        orderBy: [{ createdAt: "desc" }],
      }),
    }),
  }),
});
