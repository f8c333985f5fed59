import { updateSharingAgreementInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { visiblePartnershipWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
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
        where: {
          partnerships: {
            some: { partnershipId: partnership.id, partnership: visiblePartnershipWhere(ctx.viewer) },
          },
        },
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

defineMutation("updateSharingAgreement", {
  description: "Coordinators of a member organisation; narrowing it hides what it no longer allows at once.",
  authScopes: { role: "COORDINATOR" },
  input: updateSharingAgreementInput,
  errors: [ConflictError],
  payload: { sharingAgreement: SharingAgreementRef },
  resolve: async (input, ctx) => {
    const partnershipId = decodeId(input.partnershipId, "Partnership");
    const agreement = partnershipId
      ? await ctx.tx.sharingAgreement.findFirst({
          where: {
            partnershipId,
            partnership: { members: { some: { organisationId: ctx.viewer.organisationId } } },
          },
        })
      : null;
    if (!agreement) throw new NotFoundError(ctx.locale);
    const kinds = [...new Set(input.recordKinds)];
    const changed = await ctx.tx.sharingAgreement.updateMany({
      where: { partnershipId: agreement.partnershipId, version: input.expectedVersion },
      data: {
        recordKinds: kinds,
        version: { increment: 1 },
        updatedById: ctx.viewer.userId,
        updatedAt: ctx.now,
      },
    });
    if (changed.count === 0) throw new ConflictError(ctx.locale);
    await auditViewerAction(ctx, {
      action: "SHARING_AGREEMENT_CHANGED",
      recordKind: "PARTNERSHIP",
      recordId: agreement.partnershipId,
      details: { from: agreement.recordKinds, to: kinds },
    });
    return ctx.tx.sharingAgreement.findUniqueOrThrow({ where: { partnershipId: agreement.partnershipId } });
  },
});
