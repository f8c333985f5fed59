/**
 * The rows of an export, one page at a time: the acting organisation's own records of a shape,
 * read through the kind's visible…Where filter (and RLS behind it) AND its organisation — a
 * partner's records never, even those a consent lets the coordinator read. Each row holds the
 * shape's columns (packages/domain record-shapes), in their order, written as the import reads
 * them (export-values.ts), so an exported file re-imports into the same organisation adding
 * nothing: every row carries its reference (the import reference it came from, else its id).
 */
import type { Locale } from "@maillage/domain";
import { type RecordShapeName, shapeDefinitions } from "@maillage/domain/record-shapes";
import {
  visibleEncounterWhere,
  visiblePersonWhere,
  visibleVenueWhere,
  visibleWorkshopWhere,
} from "../../access/visible-records.ts";
import type { ActingContext } from "../../context.ts";
import {
  calendarDayCell,
  dayCell,
  type ExportCell,
  labelCell,
  listCell,
  quantitiesCell,
  timeCell,
  yesNoCell,
} from "./export-values.ts";
import { recordReferences } from "./record-references.ts";

/** Records read per statement: a large organisation's export is never held whole in memory. */
export const exportPageSize = 500;

export interface ExportSettings {
  locale: Locale;
  timeZone: string;
}

/** One exported row: the shape's column keys to their cells. */
type RowCells = Record<string, ExportCell>;

/**
 * Pages of records in id order (`read(after)` returns the page after that id), until a page
 * comes back short.
 */
async function* pagesOf<T extends { id: string }>(read: (after: string | null) => Promise<T[]>) {
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < exportPageSize || !last) return;
    after = last.id;
  }
}

/** Rows of a page's records, by the record they belong to. */
function byEncounter<T extends { encounterId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.encounterId, [...(groups.get(row.encounterId) ?? []), row]);
  return groups;
}

/** The records after the last one read (keyset paging on the id: each page one index range). */
function after(id: string | null) {
  return id ? { id: { gt: id } } : {};
}

async function* personRows(ctx: ActingContext, { locale }: ExportSettings): AsyncGenerator<RowCells[]> {
  const { organisationId } = ctx.viewer;
  const pages = pagesOf((cursor) =>
    ctx.tx.person.findMany({
      where: { AND: [visiblePersonWhere(ctx.viewer, ctx.now), { organisationId }, after(cursor)] },
      orderBy: { id: "asc" },
      take: exportPageSize,
      select: {
        id: true,
        alias: true,
        birthYear: true,
        gender: true,
        languages: true,
        mayText: true,
        mayLeaveMessage: true,
        safeContactNote: true,
        inRegularFollowUp: true,
      },
    }),
  );
  for await (const page of pages) {
    const references = await recordReferences(
      ctx,
      "PERSONS",
      page.map((person) => person.id),
    );
    yield page.map((person) => ({
      reference: references.get(person.id) ?? person.id,
      alias: person.alias,
      birthYear: person.birthYear,
      gender: labelCell(locale, "Gender", person.gender),
      languages: listCell(person.languages),
      mayText: yesNoCell(locale, person.mayText),
      mayLeaveMessage: yesNoCell(locale, person.mayLeaveMessage),
      safeContactNote: person.safeContactNote,
      inRegularFollowUp: yesNoCell(locale, person.inRegularFollowUp),
    }));
  }
}

async function* encounterRows(
  ctx: ActingContext,
  { locale, timeZone }: ExportSettings,
): AsyncGenerator<RowCells[]> {
  const { organisationId } = ctx.viewer;
  const pages = pagesOf((cursor) =>
    ctx.tx.encounter.findMany({
      where: { AND: [visibleEncounterWhere(ctx.viewer, ctx.now), { organisationId }, after(cursor)] },
      orderBy: { id: "asc" },
      take: exportPageSize,
      select: {
        id: true,
        occurredAt: true,
        channel: true,
        placeType: true,
        venueId: true,
        platform: true,
        themes: true,
        personId: true,
        anonymousGender: true,
        anonymousAgeBracket: true,
        headCount: true,
      },
    }),
  );
  for await (const page of pages) {
    const ids = (pick: (encounter: (typeof page)[number]) => string | null) =>
      page.map(pick).filter((id): id is string => id !== null);
    // One after the other: the statements share the request's one connection.
    const references = await recordReferences(
      ctx,
      "ENCOUNTERS",
      ids((encounter) => encounter.id),
    );
    const persons = await recordReferences(
      ctx,
      "PERSONS",
      ids((encounter) => encounter.personId),
    );
    const venues = await recordReferences(
      ctx,
      "VENUES",
      ids((encounter) => encounter.venueId),
    );
    // Their items, services and notes, one statement each for the page (Prisma would send the
    // relations of a findMany at once on the request's one connection).
    const encounterId = { in: ids((encounter) => encounter.id) };
    const materials = byEncounter(
      await ctx.tx.encounterMaterial.findMany({
        where: { encounterId },
        select: { encounterId: true, item: true, quantity: true },
      }),
    );
    const services = byEncounter(
      await ctx.tx.encounterService.findMany({
        where: { encounterId },
        orderBy: { service: "asc" },
        select: { encounterId: true, service: true },
      }),
    );
    const notes = new Map(
      (
        await ctx.tx.encounterNote.findMany({
          where: { encounterId },
          select: { encounterId: true, body: true },
        })
      ).map((note) => [note.encounterId, note.body]),
    );
    yield page.map((encounter) => {
      const anonymous = encounter.personId === null;
      return {
        reference: references.get(encounter.id) ?? encounter.id,
        date: dayCell(encounter.occurredAt, timeZone),
        time: timeCell(encounter.occurredAt, timeZone),
        channel: labelCell(locale, "Channel", encounter.channel),
        placeType: labelCell(locale, "PlaceType", encounter.placeType),
        venue: encounter.venueId ? (venues.get(encounter.venueId) ?? encounter.venueId) : null,
        themes: listCell(encounter.themes.map((theme) => labelCell(locale, "Theme", theme) as string)),
        materials: quantitiesCell(materials.get(encounter.id) ?? []),
        services: listCell((services.get(encounter.id) ?? []).map((service) => service.service)),
        platform: encounter.platform,
        person: encounter.personId ? (persons.get(encounter.personId) ?? encounter.personId) : null,
        // A named person's file holds her gender and age: the row holds them for anonymous contacts.
        gender: anonymous ? labelCell(locale, "Gender", encounter.anonymousGender) : null,
        ageBracket: anonymous ? labelCell(locale, "AgeBracket", encounter.anonymousAgeBracket) : null,
        headCount: encounter.headCount,
        note: notes.get(encounter.id) ?? null,
      };
    });
  }
}

async function* venueRows(ctx: ActingContext, { locale }: ExportSettings): AsyncGenerator<RowCells[]> {
  const { organisationId } = ctx.viewer;
  const pages = pagesOf((cursor) =>
    ctx.tx.venue.findMany({
      where: { AND: [visibleVenueWhere(ctx.viewer), { organisationId }, after(cursor)] },
      orderBy: { id: "asc" },
      take: exportPageSize,
      select: {
        id: true,
        name: true,
        kind: true,
        visitCadenceDays: true,
        confidential: true,
        address: true,
        agreements: true,
      },
    }),
  );
  for await (const page of pages) {
    const references = await recordReferences(
      ctx,
      "VENUES",
      page.map((venue) => venue.id),
    );
    yield page.map((venue) => ({
      reference: references.get(venue.id) ?? venue.id,
      name: venue.name,
      kind: labelCell(locale, "VenueKind", venue.kind),
      visitCadenceDays: venue.visitCadenceDays,
      confidential: yesNoCell(locale, venue.confidential),
      address: venue.address,
      agreements: venue.agreements,
    }));
  }
}

/**
 * Material received: no registry kind of its own (the stock is the coordinators', KEEP_STOCK);
 * the organisation's rows, under the policy material_receipts_kept_by_coordinators.
 */
async function* materialReceiptRows(
  ctx: ActingContext,
  { locale, timeZone }: ExportSettings,
): AsyncGenerator<RowCells[]> {
  const { organisationId } = ctx.viewer;
  const pages = pagesOf((cursor) =>
    ctx.tx.materialReceipt.findMany({
      where: { organisationId, ...after(cursor) },
      orderBy: { id: "asc" },
      take: exportPageSize,
      select: { id: true, item: true, quantity: true, receivedAt: true, source: true },
    }),
  );
  for await (const page of pages) {
    const references = await recordReferences(
      ctx,
      "MATERIAL_RECEIPTS",
      page.map((receipt) => receipt.id),
    );
    yield page.map((receipt) => ({
      reference: references.get(receipt.id) ?? receipt.id,
      item: receipt.item,
      quantity: receipt.quantity,
      receivedOn: dayCell(receipt.receivedAt, timeZone),
      source: labelCell(locale, "StockSource", receipt.source),
    }));
  }
}

async function* workshopRows(ctx: ActingContext, { locale }: ExportSettings): AsyncGenerator<RowCells[]> {
  const { organisationId } = ctx.viewer;
  const pages = pagesOf((cursor) =>
    ctx.tx.workshop.findMany({
      where: { AND: [visibleWorkshopWhere(ctx.viewer), { organisationId }, after(cursor)] },
      orderBy: { id: "asc" },
      take: exportPageSize,
      select: {
        id: true,
        heldOn: true,
        kind: true,
        topic: true,
        audience: true,
        place: true,
        participants: true,
        durationMinutes: true,
        requestedBy: true,
        facilitatorIds: true,
        note: { select: { body: true } },
      },
    }),
  );
  for await (const page of pages) {
    const facilitatorIds = [...new Set(page.flatMap((workshop) => workshop.facilitatorIds))];
    const references = await recordReferences(
      ctx,
      "WORKSHOPS",
      page.map((workshop) => workshop.id),
    );
    const users = await ctx.tx.user.findMany({
      where: { id: { in: facilitatorIds } },
      select: { id: true, email: true },
    });
    const emails = new Map(users.map((user) => [user.id, user.email]));
    yield page.map((workshop) => ({
      reference: references.get(workshop.id) ?? workshop.id,
      heldOn: calendarDayCell(workshop.heldOn),
      kind: labelCell(locale, "WorkshopKind", workshop.kind),
      topic: labelCell(locale, "WorkshopTopic", workshop.topic),
      audience: labelCell(locale, "WorkshopAudience", workshop.audience),
      place: workshop.place,
      participants: workshop.participants,
      durationMinutes: workshop.durationMinutes,
      requestedBy: workshop.requestedBy,
      facilitators: listCell(
        workshop.facilitatorIds.map((id) => emails.get(id)).filter((email): email is string => !!email),
      ),
      note: workshop.note?.body ?? null,
    }));
  }
}

const readers: Record<
  RecordShapeName,
  (ctx: ActingContext, settings: ExportSettings) => AsyncGenerator<RowCells[]>
> = {
  PERSONS: personRows,
  ENCOUNTERS: encounterRows,
  VENUES: venueRows,
  MATERIAL_RECEIPTS: materialReceiptRows,
  WORKSHOPS: workshopRows,
};

/** Pages of a shape's rows, each row's cells in the shape's column order. */
export async function* exportRows(
  ctx: ActingContext,
  shape: RecordShapeName,
  settings: ExportSettings,
): AsyncGenerator<ExportCell[][]> {
  const keys = shapeDefinitions[shape].columns.map((column) => column.key);
  for await (const page of readers[shape](ctx, settings)) {
    yield page.map((row) =>
      keys.map((key) => {
        // A column of the shape that its reader forgot would be exported empty, and lost.
        if (!(key in row)) throw new Error(`The ${shape} export writes no "${key}" column`);
        return row[key] ?? null;
      }),
    );
  }
}
