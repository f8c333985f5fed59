import { recordAuditEvents } from "@maillage/db";
import { sharedRecordKinds } from "@maillage/domain";
import { z } from "zod";
import { ownPersonId } from "../../access/own-records.ts";
import { visibleConsentWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { ConsentNode, SharedRecordKindEnum } from "./consents.types.ts";

const dayMs = 86_400_000;

const RecordConsentInput = builder.inputType("RecordConsentInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    granteeOrganisationId: t.id({ required: false, description: "A partner organisation, or…" }),
    granteePartnershipId: t.id({ required: false, description: "…the whole partnership." }),
    recordKinds: t.field({ type: [SharedRecordKindEnum], required: true }),
    startsAt: t.field({ type: "DateTime", required: false }),
    expiresAt: t.field({ type: "DateTime", required: false }),
    note: t.string({ required: false }),
  }),
});

const recordConsentInput = z
  .object({
    personId: z.string().min(1).max(200),
    granteeOrganisationId: z.string().max(200).nullish(),
    granteePartnershipId: z.string().max(200).nullish(),
    recordKinds: z.array(z.enum(sharedRecordKinds)).min(1).max(sharedRecordKinds.length),
    startsAt: z.date().nullish(),
    expiresAt: z.date().nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((input) => Boolean(input.granteeOrganisationId) !== Boolean(input.granteePartnershipId), {
    path: ["granteeOrganisationId"],
    message: "exactly one grantee",
  });

builder.mutationField("recordConsent", (t) =>
  t.field({
    type: ConsentNode,
    authScopes: { writesOwn: "CONSENT" },
    args: { input: t.arg({ type: RecordConsentInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError],
      result: { name: "RecordConsentSuccess" },
      union: { name: "RecordConsentResult" },
      dataField: { name: "consent" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(recordConsentInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const ownOrganisation = viewer.organisationId!;
      const person = { id: await ownPersonId(ctx, input.personId, "personId") };

      const startsAt = input.startsAt ?? ctx.now;
      if (startsAt.getTime() < ctx.now.getTime() - 366 * dayMs)
        throw fieldProblem(ctx.locale, "startsAt", "IN_THE_PAST");
      if (startsAt.getTime() > ctx.now.getTime() + 366 * dayMs)
        throw fieldProblem(ctx.locale, "startsAt", "TOO_FAR_IN_FUTURE");
      if (input.expiresAt) {
        if (input.expiresAt <= startsAt) throw fieldProblem(ctx.locale, "expiresAt", "BEFORE_START");
        if (input.expiresAt <= ctx.now) throw fieldProblem(ctx.locale, "expiresAt", "IN_THE_PAST");
        if (input.expiresAt.getTime() > ctx.now.getTime() + 5 * 366 * dayMs) {
          throw fieldProblem(ctx.locale, "expiresAt", "TOO_FAR_IN_FUTURE");
        }
      }

      // The grantee must be a partner: a partnership holding both organisations, whose
      // sharing agreement allows every kind named (a consent never widens the agreement).
      const granteeOrganisationId = input.granteeOrganisationId
        ? decodeId(input.granteeOrganisationId, "Organisation")
        : null;
      const granteePartnershipId = input.granteePartnershipId
        ? decodeId(input.granteePartnershipId, "Partnership")
        : null;
      const field = input.granteeOrganisationId ? "granteeOrganisationId" : "granteePartnershipId";
      const partnerships = await ctx.tx.partnership.findMany({
        where: {
          members: { some: { organisationId: ownOrganisation } },
          ...(granteePartnershipId
            ? { id: granteePartnershipId }
            : granteeOrganisationId && granteeOrganisationId !== ownOrganisation
              ? { members: { some: { organisationId: granteeOrganisationId } } }
              : { id: { in: [] } }),
          AND: [{ members: { some: { organisationId: ownOrganisation } } }],
        },
        select: { sharingAgreement: { select: { recordKinds: true } } },
      });
      if (partnerships.length === 0) throw fieldProblem(ctx.locale, field, "NOT_A_PARTNER");
      const allowed = new Set(partnerships.flatMap((p) => p.sharingAgreement?.recordKinds ?? []));
      const kinds = [...new Set(input.recordKinds)];
      const refused = kinds.findIndex((kind) => !allowed.has(kind));
      if (refused >= 0) throw fieldProblem(ctx.locale, `recordKinds.${refused}`, "NOT_SHARED_BY_AGREEMENT");

      const consent = await ctx.tx.consent.create({
        data: {
          organisationId: ownOrganisation,
          personId: person.id,
          granteeOrganisationId,
          granteePartnershipId,
          recordKinds: kinds,
          startsAt,
          expiresAt: input.expiresAt ?? null,
          note: input.note || null,
          recordedById: viewer.userId,
        },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: ownOrganisation,
          action: "CONSENT_RECORDED",
          recordKind: "CONSENT",
          recordId: consent.id,
          ip: ctx.origin.ip,
          details: { personId: person.id, granteeOrganisationId, granteePartnershipId, recordKinds: kinds },
        },
      ]);
      return consent;
    },
  }),
);

const WithdrawConsentInput = builder.inputType("WithdrawConsentInput", {
  fields: (t) => ({ consentId: t.id({ required: true }) }),
});

builder.mutationField("withdrawConsent", (t) =>
  t.field({
    type: ConsentNode,
    description: "Takes effect at once: the partner no longer sees what it covered, from this request on.",
    authScopes: { writesOwn: "CONSENT" },
    args: { input: t.arg({ type: WithdrawConsentInput, required: true }) },
    errors: {
      types: [NotFoundError],
      result: { name: "WithdrawConsentSuccess" },
      union: { name: "WithdrawConsentResult" },
      dataField: { name: "consent" },
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const id = decodeId(args.input.consentId, "Consent");
      const consent = id
        ? await ctx.tx.consent.findFirst({ where: { id, AND: [visibleConsentWhere(viewer)] } })
        : null;
      if (!consent) throw new NotFoundError(ctx.locale);
      if (consent.withdrawnAt) return consent;
      const withdrawn = await ctx.tx.consent.update({
        where: { id: consent.id },
        data: { withdrawnAt: ctx.now, withdrawnById: viewer.userId },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: "CONSENT_WITHDRAWN",
          recordKind: "CONSENT",
          recordId: consent.id,
          ip: ctx.origin.ip,
          details: { personId: consent.personId },
        },
      ]);
      return withdrawn;
    },
  }),
);
