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

/** The acts of a visit: each kind once, with its count (completion and a visit recorded after). */
const visitActs = z
  .array(clinicalActInput)
  .max(clinicalActKinds.length)
  .refine((acts) => new Set(acts.map((a) => a.kind)).size === acts.length, { message: "each kind once" });

/** Completing an accepted visit, or confirming one the worker recorded after it happened. */
export const completeNurseVisitInput = z.object({
  visitId: recordId(),
  acts: visitActs,
  notes: z.array(clinicalNoteInput).max(10).nullish(),
});

/** What a visit recorded after it happened says of itself, whoever records it. */
const pastVisitFields = {
  personIds: z.array(recordId()).min(1).max(6),
  placeType,
  start: z.date().describe("When it began; from the organisation's start date, not in the future."),
  end: z.date(),
  reason: optionalText(columnLengths["NurseVisitReason.body"]),
  meetingPlace: optionalText(columnLengths["NurseVisitMeetingPlace.body"]).describe(
    "Where the nurse found the worker and the person; the two organisations taking part only.",
  ),
};

/**
 * A nurse records a joint visit that already happened, without propose/accept: it is completed
 * at once with her acts and notes. The persons are the worker's organisation's, shared with the
 * nurse's by a consent (as when a visit is booked).
 */
export const recordPastNurseVisitInput = z.object({
  workerId: userId().describe("The outreach worker who came (a user id, from jointVisitWorkers)."),
  workerOrganisationId: recordId().describe("The worker's organisation (from jointVisitWorkers)."),
  ...pastVisitFields,
  acts: visitActs,
  notes: z.array(clinicalNoteInput).max(10).nullish(),
});

/**
 * The worker records a joint visit that already happened, for the nurse to confirm (she adds her
 * acts, which only she records) or decline. The persons are the worker's organisation's, each
 * with a consent naming the nurse's organisation.
 */
export const submitPastNurseVisitInput = z.object({
  nurseId: userId().describe("The nurse who came (a user id, from jointVisitNurses)."),
  ...pastVisitFields,
});

/** A coordinator of the visit's organisation hands it to another of its nurses. */
export const reassignNurseVisitInput = z.object({
  visitId: recordId(),
  nurseId: userId().describe("A nurse of the visit's organisation (a user id, from the team)."),
});
