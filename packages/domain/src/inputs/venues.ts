import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { optionalText, requiredText } from "./fields.ts";
import { venueKind } from "./vocabularies.ts";

export const createVenueInput = z.object({
  name: requiredText(columnLengths["Venue.name"]),
  kind: venueKind,
  visitCadenceDays: z.number().int().min(1).max(365).nullish(),
  confidential: z.boolean().nullish(),
  address: optionalText(columnLengths["Venue.address"]).describe("Shown to the owning organisation only."),
  agreements: optionalText(columnLengths["Venue.agreements"]),
});
