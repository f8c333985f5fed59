import { Channel, PlaceType } from "@maillage/db";
import { mayChangeEncounter } from "@maillage/domain";
import { recordEncounterInput, updateEncounterInput } from "@maillage/domain/inputs";
import type { z } from "zod";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { ownPersonId, ownRecordOrNotFound } from "../../access/own-records.ts";
import { visibleEncounterWhere, visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { checkCatalogueCodes } from "../catalogues/catalogues.ts";
import { checkHappenedAt, dateCorrections } from "../programme-settings/record-dates.ts";
import { ChannelEnum, EncounterNode, PlaceTypeEnum } from "./encounters.types.ts";

type EncounterInput = z.output<typeof recordEncounterInput>;

/**
 * Checks the references and dates of an encounter; returns what to write. `current`: the codes
 * already on the encounter being changed (a retired item may stay on it); `recordedAt`: its date,
 * kept when the input names none (a new one: now).
 */
async function resolveEncounter(
  ctx: ActingContext,
  input: EncounterInput,
  current: ReadonlySet<string> = new Set(),
  recordedAt: Date = ctx.now,
) {
  const occurredAt = input.occurredAt ?? recordedAt;
  await checkHappenedAt(ctx, "occurredAt", occurredAt);
  let personId: string | null = null;
  if (input.personId) {
    personId = await ownPersonId(ctx, input.personId, "personId");
  }
  let venueId: string | null = null;
  if (input.venueId) {
    const id = decodeId(input.venueId, "Venue");
    const venue = id
      ? await ctx.tx.venue.findFirst({
          where: { id, AND: [visibleVenueWhere(ctx.viewer)] },
          select: { id: true },
        })
      : null;
    if (!venue) throw fieldProblem(ctx.locale, "venueId", "NOT_FOUND");
    venueId = venue.id;
  }
  const materials = (input.materials ?? []).filter((m) => m.quantity > 0);
  const services = input.services ?? [];
  const platform = input.platform || null;
  await checkCatalogueCodes(
    ctx,
    [
      ...materials.map((m, index) => ({
        path: `materials.${index}.item`,
        code: m.item,
        list: "MATERIAL" as const,
      })),
      ...services.map((code, index) => ({ path: `services.${index}`, code, list: "SERVICE" as const })),
      ...(platform ? [{ path: "platform", code: platform, list: "PLATFORM" as const }] : []),
    ],
    current,
  );
  return {
    personId,
    venueId,
    occurredAt,
    channel: input.channel,
    placeType: input.placeType,
    themes: [...new Set(input.themes ?? [])],
    // The input refuses them without a person and twice over (packages/domain).
    outcomes: personId ? (input.outcomes ?? []) : [],
    anonymousGender: input.anonymous?.gender ?? null,
    anonymousAgeBracket: input.anonymous?.ageBracket ?? null,
    headCount: input.anonymous?.headCount ?? 1,
    platform,
    materials,
    services,
    note: input.note || null,
  };
}

defineMutation("recordEncounter", {
  authScopes: { writesOwn: "ENCOUNTER" },
  input: recordEncounterInput,
  payload: { encounter: EncounterNode },
  resolve: async (input, ctx) => {
    const { organisationId, userId } = ctx.viewer;
    const { materials, services, note, ...fields } = await resolveEncounter(ctx, input);
    return ctx.tx.encounter.create({
      data: {
        ...fields,
        organisationId,
        authorId: userId,
        // Nested writes only when there is something to write: an empty one still costs Prisma
        // a second statement (re-reading the row), on the most frequent write of the product.
        ...(materials.length > 0
          ? { materials: { create: materials.map((m) => ({ ...m, organisationId })) } }
          : {}),
        ...(services.length > 0
          ? { services: { create: services.map((service) => ({ service, organisationId })) } }
          : {}),
        ...(note ? { note: { create: { organisationId, body: note } } } : {}),
      },
    });
  },
});

async function changeableEncounter(ctx: ActingContext, globalId: string) {
  const encounter = await ownRecordOrNotFound(ctx, "Encounter", globalId, (where) =>
    ctx.tx.encounter.findFirst({ where, select: { id: true, authorId: true, organisationId: true } }),
  );
  // Someone else's encounter (and not a coordinator): the same answer as a missing one.
  if (!mayChangeEncounter(ctx.viewer, encounter)) throw new NotFoundError(ctx.locale);
  return encounter;
}

defineMutation("updateEncounter", {
  description: "Its author or a coordinator. Audited.",
  authScopes: { writesOwn: "ENCOUNTER" },
  input: updateEncounterInput,
  payload: { encounter: EncounterNode },
  resolve: async ({ id: globalId, ...input }, ctx) => {
    const encounter = await changeableEncounter(ctx, globalId);
    const current = await ctx.tx.encounter.findUniqueOrThrow({
      where: { id: encounter.id },
      select: {
        occurredAt: true,
        platform: true,
        materials: { select: { item: true } },
        services: { select: { service: true } },
      },
    });
    const { materials, services, note, ...fields } = await resolveEncounter(
      ctx,
      input,
      new Set([
        ...current.materials.map((m) => m.item),
        ...current.services.map((s) => s.service),
        ...(current.platform ? [current.platform] : []),
      ]),
      current.occurredAt,
    );
    const organisationId = encounter.organisationId;
    await ctx.tx.encounterMaterial.deleteMany({ where: { encounterId: encounter.id } });
    await ctx.tx.encounterService.deleteMany({ where: { encounterId: encounter.id } });
    await ctx.tx.encounterNote.deleteMany({ where: { encounterId: encounter.id } });
    const updated = await ctx.tx.encounter.update({
      where: { id: encounter.id },
      data: {
        ...fields,
        materials: { create: materials.map((m) => ({ ...m, organisationId })) },
        services: { create: services.map((service) => ({ service, organisationId })) },
        ...(note ? { note: { create: { organisationId, body: note } } } : {}),
      },
    });
    // A corrected date is kept with the event, before and after.
    const corrected = dateCorrections({
      occurredAt: { from: { at: current.occurredAt }, to: { at: fields.occurredAt } },
    });
    await auditViewerAction(ctx, {
      action: "ENCOUNTER_UPDATED",
      recordKind: "ENCOUNTER",
      recordId: encounter.id,
      ...(corrected ? { details: { dates: corrected } } : {}),
    });
    return updated;
  },
});

const DeleteEncounterResult = builder.objectRef<{ deletedId: string }>("DeleteEncounterSuccess").implement({
  fields: (t) => ({ deletedId: t.exposeID("deletedId") }),
});

defineMutation("deleteEncounter", {
  description: "Its author or a coordinator. Audited.",
  authScopes: { writesOwn: "ENCOUNTER" },
  idArgs: (arg) => ({ id: arg.id({ required: true }) }),
  type: DeleteEncounterResult,
  resolve: async (_input, ctx, args) => {
    const encounter = await changeableEncounter(ctx, args.id);
    await ctx.tx.encounter.delete({ where: { id: encounter.id } });
    await auditViewerAction(ctx, {
      action: "ENCOUNTER_DELETED",
      recordKind: "ENCOUNTER",
      recordId: encounter.id,
    });
    return { deletedId: args.id };
  },
});

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
                where: { id: d.venueId, AND: [visibleVenueWhere(ctx.viewer)] },
              })
            : null,
      }),
    }),
  });

builder.queryField("encounterDefaults", (t) =>
  t.withAuth({ writesOwn: "ENCOUNTER" }).field({
    type: EncounterDefaults,
    resolve: async (_root, _args, ctx) => {
      const last = await ctx.tx.encounter.findFirst({
        where: {
          authorId: ctx.viewer.userId,
          organisationId: ctx.viewer.organisationId,
          AND: [visibleEncounterWhere(ctx.viewer, ctx.now)],
        },
        orderBy: { createdAt: "desc" },
        select: { channel: true, placeType: true, venueId: true },
      });
      return last ?? { channel: Channel.IN_PERSON, placeType: PlaceType.WORKPLACE, venueId: null };
    },
  }),
);
