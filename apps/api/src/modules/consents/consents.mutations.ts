import { recordConsentInput, withdrawConsentInput } from "@maillage/domain/inputs";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownPersonId, visibleRecordOrNotFound } from "../../access/own-records.ts";
import { fieldProblem } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { checkNotBeforeStart } from "../programme-settings/record-dates.ts";
import { ConsentNode } from "./consents.types.ts";

const dayMs = 86_400_000;

defineMutation("recordConsent", {
  authScopes: { writesOwn: "CONSENT" },
  input: recordConsentInput,
  payload: { consent: ConsentNode },
  resolve: async (input, ctx) => {
    const ownOrganisation = ctx.viewer.organisationId;
    const person = { id: await ownPersonId(ctx, input.personId, "personId") };

    const startsAt = input.startsAt ?? ctx.now;
    // Given years ago on paper and entered now: back to the organisation's start date. Its expiry
    // is still after now (an expired consent shares nothing: there is nothing to record).
    await checkNotBeforeStart(ctx, "startsAt", startsAt);
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
        recordedById: ctx.viewer.userId,
      },
    });
    await auditViewerAction(ctx, {
      action: "CONSENT_RECORDED",
      recordKind: "CONSENT",
      recordId: consent.id,
      details: { personId: person.id, granteeOrganisationId, granteePartnershipId, recordKinds: kinds },
    });
    return consent;
  },
});

defineMutation("withdrawConsent", {
  description: "Takes effect at once: the partner no longer sees what it covered, from this request on.",
  authScopes: { writesOwn: "CONSENT" },
  input: withdrawConsentInput,
  payload: { consent: ConsentNode },
  resolve: async (input, ctx) => {
    const consent = await visibleRecordOrNotFound(ctx, "Consent", input.consentId, (where) =>
      ctx.tx.consent.findFirst({ where }),
    );
    if (consent.withdrawnAt) return consent;
    const withdrawn = await ctx.tx.consent.update({
      where: { id: consent.id },
      data: { withdrawnAt: ctx.now, withdrawnById: ctx.viewer.userId },
    });
    await auditViewerAction(ctx, {
      action: "CONSENT_WITHDRAWN",
      recordKind: "CONSENT",
      recordId: consent.id,
      details: { personId: consent.personId },
    });
    return withdrawn;
  },
});
