import { Gender } from "@maillage/db";
import { isPossiblyMinor } from "@maillage/domain";
import { auditLegalNameRead } from "../../access/audit-reads.ts";
import {
  readsOwnRecord,
  visibleConsentWhere,
  visibleNurseVisitWhere,
  visiblePersonWhere,
} from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { personRecordsField } from "./person-lists.ts";

export const GenderEnum = builder.enumType(Gender, { name: "Gender" });

/**
 * A person's profile: visible to the owning organisation's working roles, and to a partner's
 * while a consent covers PROFILE. Lists under a person are filtered by their own kind's rule.
 */
export const PersonNode = builder.prismaNode("Person", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visiblePersonWhere(ctx.viewer, ctx.now)] }),
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
    archivedAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When the owning organisation archived the file (null for a partner, and while it is open).",
      resolve: (person, _args, ctx) =>
        person.organisationId === ctx.viewer?.organisationId ? person.archivedAt : null,
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
      // A restricted field: returned only once its read is audited (rule 5).
      resolve: async (person, _args, ctx) => {
        const legalName = person.legalName?.legalName ?? null;
        if (legalName !== null) await auditLegalNameRead(ctx, person.id);
        return legalName;
      },
    }),
    // Newest first, one page per person, batched across the persons of the request.
    encounters: t.loadable({ ...personRecordsField("encounters"), args: t.arg.connectionArgs() }),
    accompaniments: t.loadable({ ...personRecordsField("accompaniments"), args: t.arg.connectionArgs() }),
    nurseVisits: t.prismaConnection({
      type: "NurseVisit",
      cursor: "id",
      resolve: (query, person, _args, ctx) =>
        ctx.tx.nurseVisit.findMany({
          ...query,
          where: {
            persons: { some: { personId: person.id } },
            AND: [visibleNurseVisitWhere(ctx.viewer, ctx.now)],
          },
          orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
        }),
    }),
    referrals: t.loadable({ ...personRecordsField("referrals"), args: t.arg.connectionArgs() }),
    consents: t.relation("consents", {
      query: (_args, ctx) => ({
        where: visibleConsentWhere(ctx.viewer),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
    }),
  }),
});
