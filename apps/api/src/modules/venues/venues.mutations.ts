import { createVenueInput } from "@maillage/domain/inputs";
import { defineMutation } from "../../mutations.ts";
import { VenueNode } from "./venues.types.ts";

defineMutation("createVenue", {
  authScopes: { writesOwn: "VENUE" },
  input: createVenueInput,
  payload: { venue: VenueNode },
  resolve: (input, ctx) =>
    ctx.tx.venue.create({
      data: {
        organisationId: ctx.viewer.organisationId,
        name: input.name,
        kind: input.kind,
        visitCadenceDays: input.visitCadenceDays ?? null,
        confidential: input.confidential ?? false,
        address: input.address || null,
        agreements: input.agreements || null,
      },
    }),
});
