import { AgeBracket, Channel, Gender, MaterialItem, PlaceType, recordAuditEvents, Theme } from "@maillage/db";
import { encounterLimits, mayChangeEncounter } from "@maillage/domain";
import { z } from "zod";
import { ownPersonId } from "../../access/own-records.ts";
import { visibleEncounterWhere, visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { fieldProblem, InputValidationError, NotFoundError, parseInput, prismaEnum } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { GenderEnum } from "../persons/persons.types.ts";
import {
  AgeBracketEnum,
  ChannelEnum,
  EncounterNode,
  MaterialItemEnum,
  PlaceTypeEnum,
  ThemeEnum,
} from "./encounters.types.ts";

const MaterialInput = builder.inputType("MaterialInput", {
  fields: (t) => ({
    item: t.field({ type: MaterialItemEnum, required: true }),
    quantity: t.int({ required: true }),
  }),
});

const AnonymousContactInput = builder.inputType("AnonymousContactInput", {
  description: "For a contact with no file: gender, age bracket and how many people.",
  fields: (t) => ({
    gender: t.field({ type: GenderEnum, required: true }),
    ageBracket: t.field({ type: AgeBracketEnum, required: true }),
    headCount: t.int({ required: false, defaultValue: 1 }),
  }),
});

const encounterFields = (t: PothosSchemaTypes.InputFieldBuilder<any, "InputObject">) => ({
  personId: t.id({
    required: false,
    description: "A person of the acting organisation; omit for an anonymous contact.",
  }),
  anonymous: t.field({ type: AnonymousContactInput, required: false }),
  occurredAt: t.field({ type: "DateTime", required: false, description: "Defaults to now." }),
  channel: t.field({ type: ChannelEnum, required: true }),
  placeType: t.field({ type: PlaceTypeEnum, required: true }),
  venueId: t.id({ required: false }),
  themes: t.field({ type: [ThemeEnum], required: false }),
  materials: t.field({ type: [MaterialInput], required: false }),
  note: t.string({ required: false, description: "Organisation-private." }),
});

const RecordEncounterInput = builder.inputType("RecordEncounterInput", { fields: (t) => encounterFields(t) });
const UpdateEncounterInput = builder.inputType("UpdateEncounterInput", {
  fields: (t) => ({ id: t.id({ required: true }), ...encounterFields(t) }),
});

const encounterInput = z
  .object({
    personId: z.string().max(200).nullish(),
    anonymous: z
      .object({
        gender: prismaEnum(Gender),
        ageBracket: prismaEnum(AgeBracket),
        headCount: z.number().int().min(1).max(encounterLimits.maxHeadCount).nullish(),
      })
      .nullish(),
    occurredAt: z.date().nullish(),
    channel: prismaEnum(Channel),
    placeType: prismaEnum(PlaceType),
    venueId: z.string().max(200).nullish(),
    themes: z.array(prismaEnum(Theme)).max(Object.keys(Theme).length).nullish(),
    materials: z
      .array(
        z.object({
          item: prismaEnum(MaterialItem),
          quantity: z.number().int().min(0).max(encounterLimits.maxQuantity),
        }),
      )
      .max(Object.keys(MaterialItem).length)
      .nullish(),
    note: z.string().trim().max(encounterLimits.maxNoteLength).nullish(),
  })
  .refine((input) => Boolean(input.personId) !== Boolean(input.anonymous), {
    path: ["personId"],
    message: "a person or an anonymous contact",
  })
  .refine(
    (input) => new Set((input.materials ?? []).map((m) => m.item)).size === (input.materials ?? []).length,
    {
      path: ["materials"],
      message: "each item once",
    },
  );

type EncounterInput = z.output<typeof encounterInput>;

/** Checks the references and dates of an encounter; returns what to write. */
async function resolveEncounter(ctx: Context, input: EncounterInput) {
  const viewer = ctx.viewer!;
  const _organisationId = viewer.organisationId!;
  const occurredAt = input.occurredAt ?? ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime() + encounterLimits.maxFutureHours * 3600_000) {
    throw fieldProblem(ctx.locale, "occurredAt", "TOO_FAR_IN_FUTURE");
  }
  if (occurredAt.getTime() < ctx.now.getTime() - encounterLimits.maxPastDays * 86_400_000) {
    throw fieldProblem(ctx.locale, "occurredAt", "IN_THE_PAST");
  }
  let personId: string | null = null;
  if (input.personId) {
    personId = await ownPersonId(ctx, input.personId, "personId");
  }
  let venueId: string | null = null;
  if (input.venueId) {
    const id = decodeId(input.venueId, "Venue");
    const venue = id
      ? await ctx.tx.venue.findFirst({
          where: { id, AND: [visibleVenueWhere(viewer)] },
          select: { id: true },
        })
      : null;
    if (!venue) throw fieldProblem(ctx.locale, "venueId", "NOT_FOUND");
    venueId = venue.id;
  }
  return {
    personId,
    venueId,
    occurredAt,
    channel: input.channel,
    placeType: input.placeType,
    themes: [...new Set(input.themes ?? [])],
    anonymousGender: input.anonymous?.gender ?? null,
    anonymousAgeBracket: input.anonymous?.ageBracket ?? null,
    headCount: input.anonymous?.headCount ?? 1,
    materials: (input.materials ?? []).filter((m) => m.quantity > 0),
    note: input.note || null,
  };
}

builder.mutationField("recordEncounter", (t) =>
  t.field({
    type: EncounterNode,
    authScopes: { writesOwn: "ENCOUNTER" },
    args: { input: t.arg({ type: RecordEncounterInput, required: true }) },
    errors: {
      types: [InputValidationError],
      result: { name: "RecordEncounterSuccess" },
      union: { name: "RecordEncounterResult" },
      dataField: { name: "encounter" },
    },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(encounterInput, args.input, ctx.locale);
      const viewer = ctx.viewer!;
      const organisationId = viewer.organisationId!;
      const { materials, note, ...fields } = await resolveEncounter(ctx, input);
      return ctx.tx.encounter.create({
        data: {
          ...fields,
          organisationId,
          authorId: viewer.userId,
          // Nested writes only when there is something to write: an empty one still costs Prisma
          // a second statement (re-reading the row), on the most frequent write of the product.
          ...(materials.length > 0
            ? { materials: { create: materials.map((m) => ({ ...m, organisationId })) } }
            : {}),
          ...(note ? { note: { create: { organisationId, body: note } } } : {}),
        },
      });
    },
  }),
);

async function changeableEncounter(ctx: Context, globalId: string) {
  const viewer = ctx.viewer!;
  const id = decodeId(globalId, "Encounter");
  const encounter = id
    ? await ctx.tx.encounter.findFirst({
        where: { id, organisationId: viewer.organisationId!, AND: [visibleEncounterWhere(viewer, ctx.now)] },
        select: { id: true, authorId: true, organisationId: true },
      })
    : null;
  // Someone else's encounter (and not a coordinator): the same answer as a missing one.
  if (!encounter || !mayChangeEncounter(viewer, encounter)) throw new NotFoundError(ctx.locale);
  return encounter;
}

builder.mutationField("updateEncounter", (t) =>
  t.field({
    type: EncounterNode,
    description: "Its author or a coordinator. Audited.",
    authScopes: { writesOwn: "ENCOUNTER" },
    args: { input: t.arg({ type: UpdateEncounterInput, required: true }) },
    errors: {
      types: [InputValidationError, NotFoundError],
      result: { name: "UpdateEncounterSuccess" },
      union: { name: "UpdateEncounterResult" },
      dataField: { name: "encounter" },
    },
    resolve: async (_root, args, ctx) => {
      const { id: globalId, ...rest } = args.input;
      const encounter = await changeableEncounter(ctx, globalId);
      const input = parseInput(encounterInput, rest, ctx.locale);
      const { materials, note, ...fields } = await resolveEncounter(ctx, input);
      const organisationId = encounter.organisationId;
      await ctx.tx.encounterMaterial.deleteMany({ where: { encounterId: encounter.id } });
      await ctx.tx.encounterNote.deleteMany({ where: { encounterId: encounter.id } });
      const updated = await ctx.tx.encounter.update({
        where: { id: encounter.id },
        data: {
          ...fields,
          materials: { create: materials.map((m) => ({ ...m, organisationId })) },
          ...(note ? { note: { create: { organisationId, body: note } } } : {}),
        },
      });
      await recordAuditEvents(ctx.tx, [
        {
          userId: ctx.viewer!.userId,
          organisationId,
          action: "ENCOUNTER_UPDATED",
          recordKind: "ENCOUNTER",
          recordId: encounter.id,
          ip: ctx.origin.ip,
        },
      ]);
      return updated;
    },
  }),
);

const DeleteEncounterResult = builder.objectRef<{ deletedId: string }>("DeleteEncounterSuccess").implement({
  fields: (t) => ({ deletedId: t.exposeID("deletedId") }),
});

builder.mutationField("deleteEncounter", (t) =>
  t.field({
    type: DeleteEncounterResult,
    description: "Its author or a coordinator. Audited.",
    authScopes: { writesOwn: "ENCOUNTER" },
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError], union: { name: "DeleteEncounterResult" }, directResult: true },
    resolve: async (_root, args, ctx) => {
      const encounter = await changeableEncounter(ctx, args.id);
      await ctx.tx.encounter.delete({ where: { id: encounter.id } });
      await recordAuditEvents(ctx.tx, [
        {
          userId: ctx.viewer!.userId,
          organisationId: encounter.organisationId,
          action: "ENCOUNTER_DELETED",
          recordKind: "ENCOUNTER",
          recordId: encounter.id,
          ip: ctx.origin.ip,
        },
      ]);
      return { deletedId: args.id };
    },
  }),
);

/** Defaults for quick entry: the viewer's last encounter's venue, place and channel. */
const EncounterDefaults = builder
  .objectRef<{ channel: Channel; placeType: PlaceType; venueId: string | null }>("EncounterDefaults")
  .implement({
    fields: (t) => ({
      channel: t.field({ type: ChannelEnum, resolve: (d) => d.channel }),
      placeType: t.field({ type: PlaceTypeEnum, resolve: (d) => d.placeType }),
      venue: t.prismaField({
        type: "Venue",
        nullable: true,
        resolve: (query, d, _args, ctx) =>
          d.venueId
            ? ctx.tx.venue.findFirst({
                ...query,
                where: { id: d.venueId, AND: [visibleVenueWhere(ctx.viewer!)] },
              })
            : null,
      }),
    }),
  });

builder.queryField("encounterDefaults", (t) =>
  t.field({
    type: EncounterDefaults,
    authScopes: { writesOwn: "ENCOUNTER" },
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer!;
      const last = await ctx.tx.encounter.findFirst({
        where: {
          authorId: viewer.userId,
          organisationId: viewer.organisationId!,
          AND: [visibleEncounterWhere(viewer, ctx.now)],
        },
        orderBy: { createdAt: "desc" },
        select: { channel: true, placeType: true, venueId: true },
      });
      return last ?? { channel: Channel.IN_PERSON, placeType: PlaceType.WORKPLACE, venueId: null };
    },
  }),
);
