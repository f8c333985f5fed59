import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, recordId, requiredText, userId } from "./fields.ts";
import { gender } from "./vocabularies.ts";

const alias = requiredText(columnLengths["Person.alias"]);

const profileFields = {
  birthYear: z
    .number()
    .int()
    .min(1900)
    .refine((year) => year <= new Date().getFullYear(), { message: "future" })
    .nullish(),
  gender: gender.nullish(),
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/),
    )
    .max(8)
    .nullish()
    .describe("ISO 639 codes, e.g. fr, en, es."),
  mayText: z.boolean().nullish(),
  mayLeaveMessage: z.boolean().nullish(),
  safeContactNote: optionalText(columnLengths["Person.safeContactNote"]),
  inRegularFollowUp: z.boolean().nullish(),
  legalName: optionalText(columnLengths["PersonLegalName.legalName"]).describe(
    "Restricted: workers and coordinators of the owning organisation only. Empty clears it.",
  ),
};

export const createPersonInput = z.object({ alias, ...profileFields });

export const updatePersonInput = z.object({ id: recordId(), alias: alias.nullish(), ...profileFields });

/** Who follows a person (her caseload), set by a coordinator of the owning organisation. */
export const setPersonFollowersInput = z.object({
  personId: recordId(),
  userIds: z
    .array(userId())
    .max(50)
    .describe("Members of the organisation; the list replaces the previous one."),
});

/** The longest reason kept with an archived file (in its audit event, read by admins and coordinators). */
export const archiveReasonLength = 300;

/** Archiving takes a file out of the caseload and the pickers; its history is kept. */
export const archivePersonInput = z.object({
  id: recordId(),
  reason: optionalText(archiveReasonLength).describe(
    "Why (moved away, duplicate…): kept in the audit log, read by admins and coordinators.",
  ),
});
export const restorePersonInput = z.object({ id: recordId() });

/** Two files of the acting organisation found to be the same person (coordinators). */
export const mergePersonsInput = z
  .object({
    keepId: recordId().describe("The file that stays and receives every record."),
    mergeId: recordId().describe("The duplicate: its records move to the kept file, then it is hidden."),
  })
  .refine((input) => input.keepId !== input.mergeId, { path: ["mergeId"], message: "same" });
