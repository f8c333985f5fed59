import { z } from "zod";
import { sharedRecordKinds } from "../permissions.ts";
import { recordId } from "./fields.ts";
import { sharedRecordKind } from "./vocabularies.ts";

export const updateSharingAgreementInput = z.object({
  partnershipId: recordId().min(1),
  recordKinds: z.array(sharedRecordKind).max(sharedRecordKinds.length),
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .describe("The version the coordinator saw: a concurrent change is refused, not overwritten."),
});
