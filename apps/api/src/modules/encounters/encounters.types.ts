import { AgeBracket, Channel, PersonOutcome, PlaceType, Theme } from "@maillage/db";
import { isLateEntry, mayChangeEncounter } from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { visiblePersonLoad } from "../../access/person-loader.ts";
import { readsOwnRecord, visibleEncounterWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import { entryLabel } from "../catalogues/catalogues.ts";
import { GenderEnum, PersonNode } from "../persons/persons.types.ts";

export const ChannelEnum = builder.enumType(Channel, { name: "Channel" });
export const PlaceTypeEnum = builder.enumType(PlaceType, { name: "PlaceType" });
export const ThemeEnum = builder.enumType(Theme, { name: "Theme" });
export const PersonOutcomeEnum = builder.enumType(PersonOutcome, {
  name: "PersonOutcome",
  description: "Where a person stands, as a worker notes it at an encounter.",
});
export const AgeBracketEnum = builder.enumType(AgeBracket, { name: "AgeBracket" });

/** A catalogue entry's name, as the encounter's organisation calls it (read by a partner too). */
const labelled = {
  select: { entry: { select: { labelFr: true, labelEn: true } } },
  resolve: (
    row: { entry: { labelFr: string; labelEn: string } },
    _args: unknown,
    ctx: { locale: "fr" | "en" },
  ) => entryLabel(row.entry, ctx.locale),
};

const EncounterMaterialRef = builder.prismaObject("EncounterMaterial", {
  fields: (t) => ({
    item: t.exposeString("item", { description: "The code of the organisation's catalogue entry." }),
    label: t.string(labelled),
    quantity: t.exposeInt("quantity"),
  }),
});

const EncounterServiceRef = builder.prismaObject("EncounterService", {
  fields: (t) => ({
    service: t.exposeString("service", { description: "The code of the organisation's catalogue entry." }),
    label: t.string(labelled),
  }),
});

/**
 * An encounter: the owning organisation's outreach workers and coordinators; a partner sees
 * the summary (date, channel, place, themes, material) while a consent covers it, never the note
 * nor the outcomes (DESIGN.md §3 lists what the summary kind shares, and they are not in it).
 */
export const EncounterNode = builder.prismaNode("Encounter", {
  id: { field: "id" },
  authScopes: { workingRole: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleEncounterWhere(ctx.viewer, ctx.now)] }),
  fields: (t) => ({
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    enteredAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was entered in Maillage (its organisation's members only; a partner reads null).",
      resolve: (encounter, _args, ctx) =>
        ctx.viewer?.organisationId === encounter.organisationId ? encounter.createdAt : null,
    }),
    lateEntry: t.boolean({
      description: "Entered more than 3 days after it happened (both dates are kept).",
      resolve: (encounter) => isLateEntry(encounter.occurredAt, encounter.createdAt),
    }),
    channel: t.expose("channel", { type: ChannelEnum }),
    placeType: t.expose("placeType", { type: PlaceTypeEnum }),
    themes: t.expose("themes", { type: [ThemeEnum] }),
    outcomes: t.field({
      type: [PersonOutcomeEnum],
      nullable: true,
      description:
        "Where the person stands (left the trade, reached a goal she had set): its organisation's members only; a partner reads null.",
      resolve: (encounter, _args, ctx) =>
        ctx.viewer?.organisationId === encounter.organisationId ? encounter.outcomes : null,
    }),
    headCount: t.exposeInt("headCount"),
    viewerMayChange: t.boolean({
      description:
        "Whether the viewer may edit or delete it (its author, or a coordinator of its organisation).",
      resolve: (encounter, _args, ctx) =>
        ctx.viewer?.organisationId === encounter.organisationId && mayChangeEncounter(ctx.viewer, encounter),
    }),
    venueId: t.id({
      nullable: true,
      description: "The venue's global id, when the viewer's organisation owns the encounter.",
      resolve: (encounter, _args, ctx) =>
        encounter.venueId && ctx.viewer?.organisationId === encounter.organisationId
          ? encodeGlobalID("Venue", encounter.venueId)
          : null,
    }),
    anonymousGender: t.expose("anonymousGender", { type: GenderEnum, nullable: true }),
    anonymousAgeBracket: t.expose("anonymousAgeBracket", { type: AgeBracketEnum, nullable: true }),
    // In a fixed order: without an ORDER BY the database may answer in any order.
    materials: t.relation("materials", { type: EncounterMaterialRef, query: { orderBy: { item: "asc" } } }),
    services: t.relation("services", { type: EncounterServiceRef, query: { orderBy: { service: "asc" } } }),
    platform: t.exposeString("platform", {
      nullable: true,
      description: "The code of the online platform or video service (by name only).",
    }),
    platformLabel: t.string({
      nullable: true,
      select: { platformEntry: { select: { labelFr: true, labelEn: true } } },
      resolve: (encounter, _args, ctx) =>
        encounter.platformEntry ? entryLabel(encounter.platformEntry, ctx.locale) : null,
    }),
    organisation: t.relation("organisation"),
    person: t.loadable({
      type: PersonNode,
      nullable: true,
      ...visiblePersonLoad,
      resolve: (encounter) => encounter.personId,
    }),
    note: t.string({
      nullable: true,
      select: { note: { select: { body: true } } },
      authScopes: (encounter, _args, ctx) =>
        readsOwnRecord(ctx.viewer, "ENCOUNTER_NOTE", encounter.organisationId),
      unauthorizedResolver: () => null,
      resolve: (encounter) => encounter.note?.body ?? null,
    }),
  }),
});
