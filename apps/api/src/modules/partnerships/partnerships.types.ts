import { recordAuditEvents } from "@maillage/db";
import { sharedRecordKinds } from "@maillage/domain";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { ConflictError, InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { SharedRecordKindEnum } from "../consents/consents.types.ts";
import { PartnershipNode } from "../organisations/organisations.types.ts";

/** What the members of a partnership may share with each other at all. */
export const SharingAgreementRef = builder.prismaObject("SharingAgreement", {
  fields: (t) => ({
    recordKinds: t.expose("recordKinds", { type: [SharedRecordKindEnum] }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField(PartnershipNode, "sharingAgreement", (t) =>
  t.relation("sharingAgreement", { nullable: true }),
);
builder.prismaObjectField(PartnershipNode, "members", (t) =>
  t.prismaField({
    type: ["Organisation"],
    resolve: (query, partnership, _args, ctx) =>
      ctx.tx.organisation.findMany({
        ...query,
        where: { partnerships: { some: { partnershipId: partnership.id } } },
        orderBy: { name: "asc" },
      }),
  }),
);

builder.queryField("myPartnerships", (t) =>
  t.prismaField({
    type: [PartnershipNode],
    description: "The partnerships of the acting organisation.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer?.organisationId
        ? ctx.tx.partnership.findMany({
            ...query,
            where: { members: { some: { organisationId: ctx.viewer.organisationId } } },
            orderBy: { name: "asc" },
          })
        : [],
  }),
);

const UpdateSharingAgreementInput = builder.inputType("UpdateSharingAgreementInput", {
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    recordKinds: t.field({ type: [SharedRecordKindEnum], required: true }),
    /** The version the coordinator saw: a concurrent change is refused, not overwritten. */
    expectedVersion: t.int({ required: true }),
  }),
});

const updateSharingAgreementInput = z.object({
  partnershipId: z.string().min(1).max(200),
  recordKinds: z.array(z.enum(sharedRecordKinds)).max(sharedRecordKinds.length),
  expectedVersion: z.number().int().min(1),
});

builder.mutationField("updateSharingAgreement", (t) =>
  t.field({
    type: SharingAgreementRef,
    description:
      "Coordinators of a member organisation; narrowing it hides what it no longer allows at once.",
    authScopes: { role: "COORDINATOR" },
    args: { input: t.arg({ type: UpdateSharingAgreementInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError, ConflictError],
      result: { name: "UpdateSharingAgreementSuccess" },
      union: { name: "UpdateSharingAgreementResult" },
      dataField: { name: "sharingAgreement" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(updateSharingAgreementInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const partnershipId = decodeId(input.partnershipId, "Partnership");
      const agreement = partnershipId
        ? await ctx.tx.sharingAgreement.findFirst({
            where: {
              partnershipId,
              partnership: { members: { some: { organisationId: viewer.organisationId ?? undefined } } },
            },
          })
        : null;
      if (!agreement || !viewer.organisationId) throw new NotFoundError(ctx.locale);
      const kinds = [...new Set(input.recordKinds)];
      const changed = await ctx.tx.sharingAgreement.updateMany({
        where: { partnershipId: agreement.partnershipId, version: input.expectedVersion },
        data: {
          recordKinds: kinds,
          version: { increment: 1 },
          updatedById: viewer.userId,
          updatedAt: ctx.now,
        },
      });
      if (changed.count === 0) throw new ConflictError(ctx.locale);
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: "SHARING_AGREEMENT_CHANGED",
          recordKind: "PARTNERSHIP",
          recordId: agreement.partnershipId,
          ip: ctx.origin.ip,
          details: { from: agreement.recordKinds, to: kinds },
        },
      ]);
      return ctx.tx.sharingAgreement.findUniqueOrThrow({ where: { partnershipId: agreement.partnershipId } });
    },
  }),
);
