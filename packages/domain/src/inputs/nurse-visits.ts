import { z } from "zod";
import { visitLimits } from "../joint-visits.ts";
import { clinicalActKinds } from "../vocabularies.ts";
import { columnLengths } from "./column-lengths.ts";
import { named, optionalText, recordId, requiredText, userId } from "./fields.ts";
import { clinicalActKind, placeType, visitResponse } from "./vocabularies.ts";

export const proposeNurseVisitInput = z.object({
  nurseId: userId().describe("A nurse's user id (from jointVisitSlots)."),
  personIds: z.array(recordId()).min(1).max(6),
  placeType,
  start: z.date(),
  end: z.date(),
  reason: optionalText(columnLengths["NurseVisitReason.body"]),
  meetingPlace: optionalText(columnLengths["NurseVisitMeetingPlace.body"]).describe(
    "Where and how the nurse finds the worker and the person; the two organisations taking part only.",
  ),
});

export const respondToNurseVisitInput = z.object({
  visitId: recordId(),
  response: visitResponse,
  start: z.date().nullish().describe("With PROPOSE_OTHER_TIME."),
  end: z.date().nullish(),
  // Kept in the audit event's details, not in a column.
  message: optionalText(500),
});

export const clinicalActInput = named(
  "ClinicalActInput",
  z.object({
    kind: clinicalActKind,
    count: z.number().int().min(1).max(visitLimits.maxActCount),
  }),
);

export const clinicalNoteInput = named(
  "ClinicalNoteInput",
  z.object({
    personId: recordId().nullish(),
    body: requiredText(columnLengths["ClinicalNote.body"]),
    results: optionalText(columnLengths["ClinicalNote.results"]),
  }),
);

export const completeNurseVisitInput = z.object({
  visitId: recordId(),
  acts: z
    .array(clinicalActInput)
    .max(clinicalActKinds.length)
    .refine((acts) => new Set(acts.map((a) => a.kind)).size === acts.length, { message: "each kind once" }),
  notes: z.array(clinicalNoteInput).max(10).nullish(),
});

/** A coordinator of the visit's organisation hands it to another of its nurses. */
export const reassignNurseVisitInput = z.object({
  visitId: recordId(),
  nurseId: userId().describe("A nurse of the visit's organisation (a user id, from the team)."),
});
