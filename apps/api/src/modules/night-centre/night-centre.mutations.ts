/**
 * A night centre's evening from opening to closing: open it (centre, day, staff on duty, partners
 * present), check visitors in — each check-in is an encounter of the evening (in person, at the
 * centre), through the web's offline queue with its Idempotency-Key —, record what each received
 * (the encounter's materials and services: the stock counts them once), write the handover for
 * the next shift, close it once. The owning organisation's outreach workers and coordinators
 * (registry NIGHT_CENTRE_EVENING, EVENING_HANDOVER_NOTE; the visits are ENCOUNTERs, changed by
 * their author or a coordinator as any encounter). Row-level security holds the same: nothing
 * changes on a closed evening but its handover.
 */

import { randomUUID } from "node:crypto";
import { Channel, PlaceType, VenueKind } from "@maillage/db";
import { mayChangeEncounter } from "@maillage/domain";
import {
  checkInToEveningInput,
  closeNightCentreEveningInput,
  type eveningPartnerInput,
  openNightCentreEveningInput,
  recordVisitReceivedInput,
  updateNightCentreEveningInput,
  writeEveningHandoverInput,
} from "@maillage/domain/inputs";
import type { z } from "zod";
import { ownPersonId, ownRecordOrNotFound } from "../../access/own-records.ts";
import { visibleVenueWhere } from "../../access/visible-records.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { ConflictError, fieldProblem, NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { defineMutation } from "../../mutations.ts";
import { checkCatalogueCodes } from "../catalogues/catalogues.ts";
import { EncounterNode } from "../encounters/encounters.types.ts";
import { checkHappenedAt, checkHappenedOn } from "../programme-settings/record-dates.ts";
import { EveningAlreadyOpenError, EveningClosedError } from "./night-centre.errors.ts";
import { staffCandidatesWhere } from "./night-centre.queries.ts";
import { NightCentreEveningNode, visitFlags } from "./night-centre.types.ts";

type PartnerInput = z.output<typeof eveningPartnerInput>;

/** The staff on duty: active members of the organisation (or already named on the evening). */
async function checkedStaff(ctx: ActingContext, staffIds: string[], alreadyNamed: readonly string[] = []) {
  const ids = [...new Set(staffIds.map((id) => id.toLowerCase()))];
  const newcomers = ids.filter((id) => !alreadyNamed.includes(id));
  if (newcomers.length > 0) {
    const members = await ctx.tx.membership.count({
      where: { ...staffCandidatesWhere(ctx.viewer.organisationId), userId: { in: newcomers } },
    });
    if (members !== newcomers.length) throw fieldProblem(ctx.locale, "staffIds", "NOT_FOUND");
  }
  return ids;
}

/** The partners present: organisations of the acting organisation's partnerships, services of its catalogue. */
async function checkedPartners(ctx: ActingContext, partners: PartnerInput[]) {
  const organisationId = ctx.viewer.organisationId;
  const rows = partners.map((partner, index) => ({
    index,
    partnerOrganisationId: partner.organisationId ? decodeId(partner.organisationId, "Organisation") : null,
    named: Boolean(partner.organisationId),
    name: partner.name || null,
    service: partner.service || null,
  }));
  const wanted = rows.flatMap((row) => (row.partnerOrganisationId ? [row.partnerOrganisationId] : []));
  const partnerIds = new Set(
    wanted.length === 0
      ? []
      : (
          await ctx.tx.organisation.findMany({
            where: {
              id: { in: wanted, not: organisationId },
              partnerships: { some: { partnership: { members: { some: { organisationId } } } } },
            },
            select: { id: true },
          })
        ).map((o) => o.id),
  );
  for (const row of rows) {
    if (row.named && !(row.partnerOrganisationId && partnerIds.has(row.partnerOrganisationId)))
      throw fieldProblem(ctx.locale, `partners.${row.index}.organisationId`, "NOT_FOUND");
  }
  await checkCatalogueCodes(
    ctx,
    rows.flatMap((row) =>
      row.service
        ? [{ path: `partners.${row.index}.service`, code: row.service, list: "SERVICE" as const }]
        : [],
    ),
  );
  return rows.map(({ partnerOrganisationId, name, service }) => ({
    organisationId,
    partnerOrganisationId,
    name,
    service,
  }));
}

defineMutation("openNightCentreEvening", {
  description: "Tonight's evening at one of the organisation's night centres, with its staff and partners.",
  authScopes: { writesOwn: "NIGHT_CENTRE_EVENING" },
  input: openNightCentreEveningInput,
  errors: [EveningAlreadyOpenError],
  payload: { evening: NightCentreEveningNode },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const venueId = decodeId(input.venueId, "Venue");
    const venue = venueId
      ? await ctx.tx.venue.findFirst({
          where: {
            id: venueId,
            organisationId,
            kind: VenueKind.NIGHT_CENTRE,
            archivedAt: null,
            AND: [visibleVenueWhere(ctx.viewer)],
          },
          select: { id: true },
        })
      : null;
    if (!venue) throw fieldProblem(ctx.locale, "venueId", "NOT_FOUND");
    // Tonight's, a forgotten one or a past year's: from the start date to today in the zone.
    await checkHappenedOn(ctx, "eveningOn", input.eveningOn);
    const staffIds = await checkedStaff(ctx, input.staffIds);
    const partners = await checkedPartners(ctx, input.partners ?? []);
    // One evening per centre and day: an evening already open there is not a second one.
    const id = randomUUID();
    const { count } = await ctx.tx.nightCentreEvening.createMany({
      data: [
        {
          id,
          organisationId,
          venueId: venue.id,
          eveningOn: input.eveningOn,
          staffIds,
          openedById: ctx.viewer.userId,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) throw new EveningAlreadyOpenError(ctx.locale);
    if (partners.length > 0) {
      await ctx.tx.nightCentreEveningPartner.createMany({
        data: partners.map((p) => ({ ...p, eveningId: id })),
      });
    }
    return ctx.tx.nightCentreEvening.findUniqueOrThrow({ where: { id } });
  },
});

/** The evening named, visible to the viewer and of her organisation, still open (or refused). */
async function openEvening(ctx: ActingContext, globalId: string, version?: number) {
  const evening = await ownRecordOrNotFound(ctx, "NightCentreEvening", globalId, (where) =>
    ctx.tx.nightCentreEvening.findFirst({
      where,
      select: { id: true, venueId: true, closedAt: true, version: true, staffIds: true },
    }),
  );
  if (evening.closedAt) throw new EveningClosedError(ctx.locale);
  if (version !== undefined && version !== evening.version) throw new ConflictError(ctx.locale);
  return evening;
}

defineMutation("updateNightCentreEvening", {
  description: "Who is on duty and which partners are present (while the evening is open).",
  authScopes: { writesOwn: "NIGHT_CENTRE_EVENING" },
  input: updateNightCentreEveningInput,
  errors: [EveningClosedError, ConflictError],
  payload: { evening: NightCentreEveningNode },
  resolve: async (input, ctx) => {
    const evening = await openEvening(ctx, input.id, input.version);
    const staffIds = await checkedStaff(ctx, input.staffIds, evening.staffIds);
    const partners = await checkedPartners(ctx, input.partners ?? []);
    const { count } = await ctx.tx.nightCentreEvening.updateMany({
      where: { id: evening.id, version: evening.version, closedAt: null },
      data: { staffIds, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(ctx.locale);
    await ctx.tx.nightCentreEveningPartner.deleteMany({ where: { eveningId: evening.id } });
    if (partners.length > 0) {
      await ctx.tx.nightCentreEveningPartner.createMany({
        data: partners.map((p) => ({ ...p, eveningId: evening.id })),
      });
    }
    return ctx.tx.nightCentreEvening.findUniqueOrThrow({ where: { id: evening.id } });
  },
});

defineMutation("closeNightCentreEvening", {
  description: "Closes the evening once; its totals stay readable (computed from its visits).",
  authScopes: { writesOwn: "NIGHT_CENTRE_EVENING" },
  input: closeNightCentreEveningInput,
  errors: [EveningClosedError, ConflictError],
  payload: { evening: NightCentreEveningNode },
  resolve: async (input, ctx) => {
    const evening = await openEvening(ctx, input.id, input.version);
    const { count } = await ctx.tx.nightCentreEvening.updateMany({
      where: { id: evening.id, version: evening.version, closedAt: null },
      data: { closedAt: ctx.now, closedById: ctx.viewer.userId, version: { increment: 1 } },
    });
    if (count === 0) {
      // Closed (or changed) by someone else meanwhile: say which.
      const now = await ctx.tx.nightCentreEvening.findUnique({
        where: { id: evening.id },
        select: { closedAt: true },
      });
      throw now?.closedAt ? new EveningClosedError(ctx.locale) : new ConflictError(ctx.locale);
    }
    return ctx.tx.nightCentreEvening.findUniqueOrThrow({ where: { id: evening.id } });
  },
});

/** What a visitor received: the items (quantities above zero) and services, checked against the catalogue. */
async function checkedReceived(
  ctx: ActingContext,
  input: { materials?: { item: string; quantity: number }[] | null; services?: string[] | null },
  alreadyOnRecord: ReadonlySet<string> = new Set(),
) {
  const materials = (input.materials ?? []).filter((m) => m.quantity > 0);
  const services = input.services ?? [];
  await checkCatalogueCodes(
    ctx,
    [
      ...materials.map((m, index) => ({
        path: `materials.${index}.item`,
        code: m.item,
        list: "MATERIAL" as const,
      })),
      ...services.map((code, index) => ({ path: `services.${index}`, code, list: "SERVICE" as const })),
    ],
    alreadyOnRecord,
  );
  return { materials, services };
}

interface CheckInShape {
  encounterId: string;
  eveningId: string;
  firstVisit: boolean;
  intakeDue: boolean;
}

const CheckInRef = builder.objectRef<CheckInShape>("NightCentreCheckIn").implement({
  fields: (t) => ({
    visit: t.prismaField({
      type: EncounterNode,
      resolve: (query, checkIn, _args, ctx) =>
        ctx.tx.encounter.findUniqueOrThrow({ ...query, where: { id: checkIn.encounterId } }),
    }),
    evening: t.prismaField({
      type: NightCentreEveningNode,
      resolve: (query, checkIn, _args, ctx) =>
        ctx.tx.nightCentreEvening.findUniqueOrThrow({ ...query, where: { id: checkIn.eveningId } }),
    }),
    firstVisit: t.exposeBoolean("firstVisit", {
      description: "The person's first evening visit at the organisation.",
    }),
    intakeDue: t.exposeBoolean("intakeDue", { description: "Offer the intake form now." }),
  }),
});

defineMutation("checkInToEvening", {
  description:
    "One visitor in: a person by alias, anonymous (gender, age bracket), or a group's head count. An encounter of the evening.",
  authScopes: { writesOwn: "ENCOUNTER" },
  input: checkInToEveningInput,
  errors: [EveningClosedError],
  payload: { checkIn: CheckInRef },
  resolve: async (input, ctx) => {
    const { organisationId, userId } = ctx.viewer;
    const evening = await openEvening(ctx, input.eveningId);
    // Held until this transaction ends: a closing waits for the check-ins under way (a closed
    // evening is not locked: RLS answers no row for it).
    const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM night_centre_evenings WHERE id = ${evening.id}::uuid AND closed_at IS NULL FOR SHARE`;
    if (locked.length === 0) throw new EveningClosedError(ctx.locale);
    const occurredAt = input.occurredAt ?? ctx.now;
    await checkHappenedAt(ctx, "occurredAt", occurredAt);
    const personId = input.personId ? await ownPersonId(ctx, input.personId, "personId") : null;
    const { materials, services } = await checkedReceived(ctx, input);
    const encounter = await ctx.tx.encounter.create({
      data: {
        organisationId,
        authorId: userId,
        // The staff on duty worked the evening with her (a restricted team's colleague sees the visit).
        coWorkerIds: evening.staffIds.filter((id) => id !== userId),
        personId,
        eveningId: evening.id,
        occurredAt,
        channel: Channel.IN_PERSON,
        placeType: PlaceType.NIGHT_CENTRE,
        venueId: evening.venueId,
        themes: [],
        anonymousGender: input.anonymous?.gender ?? null,
        anonymousAgeBracket: input.anonymous?.ageBracket ?? null,
        headCount: input.anonymous?.headCount ?? 1,
        ...(materials.length > 0
          ? { materials: { create: materials.map((m) => ({ ...m, organisationId })) } }
          : {}),
        ...(services.length > 0
          ? { services: { create: services.map((service) => ({ service, organisationId })) } }
          : {}),
      },
      select: { id: true },
    });
    const flags = (await visitFlags(ctx, evening.id)).find((f) => f.encounterId === encounter.id);
    return {
      encounterId: encounter.id,
      eveningId: evening.id,
      firstVisit: flags?.firstVisit ?? false,
      intakeDue: Boolean(flags?.firstVisit && !flags.intakeRecorded),
    };
  },
});

defineMutation("recordVisitReceived", {
  description:
    "What a visitor received (items and services), replacing what was recorded; its author or a coordinator, while the evening is open.",
  authScopes: { writesOwn: "ENCOUNTER" },
  input: recordVisitReceivedInput,
  errors: [EveningClosedError],
  payload: { visit: EncounterNode },
  resolve: async (input, ctx) => {
    const visit = await ownRecordOrNotFound(ctx, "Encounter", input.visitId, (where) =>
      ctx.tx.encounter.findFirst({
        where: { ...where, eveningId: { not: null } },
        select: {
          id: true,
          authorId: true,
          organisationId: true,
          evening: { select: { closedAt: true } },
          materials: { select: { item: true } },
          services: { select: { service: true } },
        },
      }),
    );
    // Someone else's check-in (and not a coordinator): the same answer as a missing one.
    if (!mayChangeEncounter(ctx.viewer, visit)) throw new NotFoundError(ctx.locale);
    if (visit.evening?.closedAt) throw new EveningClosedError(ctx.locale);
    const { materials, services } = await checkedReceived(
      ctx,
      input,
      new Set([...visit.materials.map((m) => m.item), ...visit.services.map((s) => s.service)]),
    );
    const organisationId = visit.organisationId;
    await ctx.tx.encounterMaterial.deleteMany({ where: { encounterId: visit.id } });
    await ctx.tx.encounterService.deleteMany({ where: { encounterId: visit.id } });
    // Part of the evening's entry while it is open (not a change of history: no audit event,
    // like the check-in itself; updateEncounter audits a later correction).
    return ctx.tx.encounter.update({
      where: { id: visit.id },
      data: {
        materials: { create: materials.map((m) => ({ ...m, organisationId })) },
        services: { create: services.map((service) => ({ service, organisationId })) },
      },
    });
  },
});

defineMutation("writeEveningHandover", {
  description:
    "The evening's log for the next shift (organisation-private), rewritten as it goes; also once closed.",
  authScopes: { writesOwn: "EVENING_HANDOVER_NOTE" },
  input: writeEveningHandoverInput,
  payload: { evening: NightCentreEveningNode },
  resolve: async (input, ctx) => {
    const evening = await ownRecordOrNotFound(ctx, "NightCentreEvening", input.eveningId, (where) =>
      ctx.tx.nightCentreEvening.findFirst({ where, select: { id: true, organisationId: true } }),
    );
    const written = { body: input.body, writtenById: ctx.viewer.userId };
    await ctx.tx.nightCentreHandoverNote.upsert({
      where: { eveningId: evening.id },
      create: { eveningId: evening.id, organisationId: evening.organisationId, ...written },
      update: written,
    });
    return ctx.tx.nightCentreEvening.findUniqueOrThrow({ where: { id: evening.id } });
  },
});
