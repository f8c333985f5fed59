import { SharedRecordKind } from "@maillage/db";
import { consentStatus, isLateEntry } from "@maillage/domain";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { readsOwnRecord, visibleConsentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { PersonNode } from "../persons/persons.types.ts";

export const SharedRecordKindEnum = builder.enumType(SharedRecordKind, { name: "SharedRecordKind" });
export const ConsentStatusEnum = builder.enumType("ConsentStatus", {
  values: ["UPCOMING", "ACTIVE", "EXPIRED", "WITHDRAWN"] as const,
});

/** A person's consent, as recorded by the owning organisation (history is never overwritten). */
export const ConsentNode = builder.prismaNode("Consent", {
  id: { field: "id" },
  authScopes: { readsOwn: "CONSENT" },
  findUnique: (id, ctx) => ({ id, AND: [visibleConsentWhere(ctx.viewer)] }),
  fields: (t) => ({
    recordKinds: t.expose("recordKinds", { type: [SharedRecordKindEnum] }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    enteredAt: t.expose("createdAt", { type: "DateTime", description: "When it was entered in Maillage." }),
    lateEntry: t.boolean({
      description: "Entered more than 3 days after it started (given on paper, entered later).",
      resolve: (consent) => isLateEntry(consent.startsAt, consent.createdAt),
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    withdrawnAt: t.expose("withdrawnAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    status: t.field({
      type: ConsentStatusEnum,
      resolve: (consent, _args, ctx) => consentStatus(consent, ctx.now),
    }),
    granteeOrganisation: t.relation("granteeOrganisation", { nullable: true }),
    granteePartnership: t.relation("granteePartnership", { nullable: true }),
    note: t.exposeString("note", {
      nullable: true,
      authScopes: (consent, _args, ctx) => readsOwnRecord(ctx.viewer, "CONSENT", consent.organisationId),
      unauthorizedResolver: () => null,
    }),
    recordedByName: t.string({
      nullable: true,
      resolve: async (consent, _args, ctx) =>
        (await ctx.tx.user.findUnique({ where: { id: consent.recordedById }, select: { displayName: true } }))
          ?.displayName ?? null,
    }),
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      ...visiblePersonLoad,
      resolve: (consent) => consent.personId,
    }),
  }),
});
