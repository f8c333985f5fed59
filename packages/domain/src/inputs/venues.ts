import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, recordId, requiredText } from "./fields.ts";
import { venueKind } from "./vocabularies.ts";

const venueFields = {
  name: requiredText(columnLengths["Venue.name"]),
  kind: venueKind,
  visitCadenceDays: z.number().int().min(1).max(365).nullish(),
  confidential: z.boolean().nullish(),
  address: optionalText(columnLengths["Venue.address"]).describe("Shown to the owning organisation only."),
  agreements: optionalText(columnLengths["Venue.agreements"]),
};

export const createVenueInput = z.object(venueFields);

/** Only the fields given change; an empty address, agreements or null cadence clears them. */
export const updateVenueInput = z.object({
  id: recordId(),
  name: venueFields.name.nullish(),
  kind: venueKind.nullish(),
  visitCadenceDays: venueFields.visitCadenceDays,
  confidential: venueFields.confidential,
  address: venueFields.address,
  agreements: venueFields.agreements,
});

/** Archiving takes a venue out of the lists; its encounters keep pointing at it. */
export const archiveVenueInput = z.object({ id: recordId() });
export const restoreVenueInput = z.object({ id: recordId() });
