import {
  archiveVenueInput,
  createVenueInput,
  restoreVenueInput,
  updateVenueInput,
} from "@maillage/domain/inputs";
import { setArchived } from "../../access/archiving.ts";
import { ownRecordOrNotFound } from "../../access/own-records.ts";
import type { ActingContext } from "../../context.ts";
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

/** A venue of the acting organisation, archived or not, or not found. */
function ownVenue(ctx: ActingContext, id: string) {
  return ownRecordOrNotFound(ctx, "Venue", id, (where) =>
    ctx.tx.venue.findFirst({ where, select: { id: true, archivedAt: true } }),
  );
}

defineMutation("updateVenue", {
  description: "Changes a venue of the acting organisation: only the fields given.",
  authScopes: { writesOwn: "VENUE" },
  input: updateVenueInput,
  payload: { venue: VenueNode },
  resolve: async (input, ctx) => {
    const venue = await ownVenue(ctx, input.id);
    return ctx.tx.venue.update({
      where: { id: venue.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.visitCadenceDays !== undefined ? { visitCadenceDays: input.visitCadenceDays } : {}),
        ...(input.confidential != null ? { confidential: input.confidential } : {}),
        ...(input.address !== undefined ? { address: input.address || null } : {}),
        ...(input.agreements !== undefined ? { agreements: input.agreements || null } : {}),
      },
    });
  },
});

defineMutation("archiveVenue", {
  description:
    "Takes a venue out of the lists and the encounter form (it is no longer covered); its encounters keep pointing at it. Audited.",
  authScopes: { writesOwn: "VENUE" },
  input: archiveVenueInput,
  payload: { venue: VenueNode },
  resolve: async (input, ctx) =>
    ctx.tx.venue.findUniqueOrThrow({ where: { id: await setArchived(ctx, "Venue", input.id, true) } }),
});

defineMutation("restoreVenue", {
  description: "Brings an archived venue back into the lists. Audited.",
  authScopes: { writesOwn: "VENUE" },
  input: restoreVenueInput,
  payload: { venue: VenueNode },
  resolve: async (input, ctx) =>
    ctx.tx.venue.findUniqueOrThrow({ where: { id: await setArchived(ctx, "Venue", input.id, false) } }),
});
