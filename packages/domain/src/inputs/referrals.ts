import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, recordId, requiredText } from "./fields.ts";
import { referralOutcome, referralStatus, urgency } from "./vocabularies.ts";

export const sendReferralInput = z.object({
  personId: recordId(),
  toOrganisationId: recordId(),
  reason: requiredText(columnLengths["Referral.reason"]),
  serviceRequested: requiredText(columnLengths["Referral.serviceRequested"]),
  urgency,
  message: optionalText(columnLengths["Referral.message"]),
});

export const transitionReferralInput = z.object({
  referralId: recordId(),
  to: referralStatus,
  expectedVersion: z.number().int().min(1).describe("The referral's version you saw."),
  message: optionalText(columnLengths["ReferralTransition.message"]).describe(
    "Required to decline (the reason).",
  ),
  outcome: referralOutcome.nullish().describe("Required to close."),
  outcomeNote: optionalText(columnLengths["Referral.outcomeNote"]),
});
