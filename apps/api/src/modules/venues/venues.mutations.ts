import { VenueKind } from "@maillage/db";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { InputValidationError, parseInput, prismaEnum } from "../../errors.ts";
import { VenueKindEnum, VenueNode } from "./venues.types.ts";

const CreateVenueInput = builder.inputType("CreateVenueInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: VenueKindEnum, required: true }),
    visitCadenceDays: t.int({ required: false }),
    confidential: t.boolean({ required: false }),
    address: t.string({ required: false, description: "Shown to the owning organisation only." }),
    agreements: t.string({ required: false }),
  }),
});

const createVenueInput = z.object({
  name: z.string().trim().min(1).max(120),
  kind: prismaEnum(VenueKind),
  visitCadenceDays: z.number().int().min(1).max(365).nullish(),
  confidential: z.boolean().nullish(),
  address: z.string().trim().max(300).nullish(),
  agreements: z.string().trim().max(1000).nullish(),
});

builder.mutationField("createVenue", (t) =>
  t.field({
    type: VenueNode,
    authScopes: { writesOwn: "VENUE" },
    args: { input: t.arg({ type: CreateVenueInput, required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "CreateVenueSuccess" },
      union: { name: "CreateVenueResult" },
      dataField: { name: "venue" },
    },
    resolve: (_root, args, ctx) => {
      const input = parseInput(createVenueInput, args.input, ctx.locale);
      return ctx.tx.venue.create({
        data: {
          organisationId: ctx.viewer!.organisationId!,
          name: input.name,
          kind: input.kind,
          visitCadenceDays: input.visitCadenceDays ?? null,
          confidential: input.confidential ?? false,
          address: input.address || null,
          agreements: input.agreements || null,
        },
      });
    },
  }),
);
