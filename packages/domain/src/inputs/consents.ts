import { z } from "zod";
import { sharedRecordKinds } from "../permissions.ts";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, recordId } from "./fields.ts";
import { sharedRecordKind } from "./vocabularies.ts";

export const recordConsentInput = z
  .object({
    personId: recordId().min(1),
    granteeOrganisationId: recordId().nullish().describe("A partner organisation, or…"),
    granteePartnershipId: recordId().nullish().describe("…the whole partnership."),
    recordKinds: z.array(sharedRecordKind).min(1).max(sharedRecordKinds.length),
    startsAt: z.date().nullish(),
    expiresAt: z.date().nullish(),
    note: optionalText(columnLengths["Consent.note"]),
  })
  .refine((input) => Boolean(input.granteeOrganisationId) !== Boolean(input.granteePartnershipId), {
    path: ["granteeOrganisationId"],
    message: "exactly one grantee",
  });

export const withdrawConsentInput = z.object({ consentId: recordId() });
