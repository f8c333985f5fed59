import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { calendarDate, optionalText, recordId, requiredText, userId } from "./fields.ts";
import { workshopAudience, workshopKind, workshopTopic } from "./vocabularies.ts";

/** The bounds of a workshop's numbers (a kiosk at a fair may see a few thousand people). */
export const workshopLimits = {
  maxParticipants: 5000,
  maxDurationMinutes: 12 * 60,
  maxFacilitators: 20,
  // A workshop is recorded once held: its day follows the date rule of record-dates.ts.
} as const;

const workshopFields = {
  kind: workshopKind,
  topic: workshopTopic,
  audience: workshopAudience,
  place: requiredText(columnLengths["Workshop.place"]).describe(
    "Where it was held, by the place's name (a school, a youth centre): never a person.",
  ),
  heldOn: calendarDate(),
  durationMinutes: z.number().int().min(1).max(workshopLimits.maxDurationMinutes).nullish(),
  participants: z
    .number()
    .int()
    .min(1)
    .max(workshopLimits.maxParticipants)
    .describe("How many took part: a count, never who."),
  requestedBy: requiredText(columnLengths["Workshop.requestedBy"]).describe(
    "The organisation that asked for it, by name (it is often not a member of Maillage).",
  ),
  facilitatorIds: z
    .array(userId())
    .min(1)
    .max(workshopLimits.maxFacilitators)
    .describe("Members of the acting organisation who held it (workshopFacilitatorChoices)."),
  note: optionalText(columnLengths["WorkshopNote.body"]).describe(
    "The organisation's own note (never a partner's, never the committee's); empty clears it.",
  ),
};

/** A workshop or a prevention kiosk the acting organisation held: counts only, no person. */
export const recordWorkshopInput = z.object(workshopFields);

/** Every field anew (the form shows them all), the note included: empty clears it. */
export const updateWorkshopInput = z.object({ id: recordId(), ...workshopFields });

/** Recorded by mistake: removed, and out of the indicators. */
export const deleteWorkshopInput = z.object({ id: recordId() });
