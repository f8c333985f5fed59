import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, recordId } from "./fields.ts";
import { accompanimentClosingStatus, accompanimentDestination } from "./vocabularies.ts";

export const planAccompanimentInput = z.object({
  personId: recordId(),
  destination: accompanimentDestination,
  partnerOrganisationId: recordId().nullish(),
  plannedAt: z.date(),
  note: optionalText(columnLengths["AccompanimentNote.body"]),
});

export const closeAccompanimentInput = z.object({
  id: recordId(),
  status: accompanimentClosingStatus,
  outcome: optionalText(columnLengths["AccompanimentOutcome.body"]),
});
