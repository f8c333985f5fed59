/**
 * What a dry run or a commit reads once, in bulk, to check every row of a file: the acting
 * organisation's catalogue, its persons and venues (by import reference, id, alias or name), the
 * members who may facilitate a workshop, the date rule, and which of the file's source
 * references were already imported. Read under the coordinator's row-level security, like every
 * read of the request.
 */

import type { RecordDateRule } from "@maillage/domain";
import { aliasSearchKey } from "@maillage/domain";
import { comparableLabel, type RecordShapeName } from "@maillage/domain/record-shapes";
import type { ActingContext } from "../../context.ts";
import { recordDateRule } from "../programme-settings/record-dates.ts";
import { facilitatorCandidatesWhere } from "../workshops/workshops.types.ts";

export interface CatalogueItem {
  code: string;
  list: "MATERIAL" | "SERVICE" | "PLATFORM";
  labelFr: string;
  labelEn: string;
  retired: boolean;
}

/** Records found by a name: one id, or several (ambiguous). */
type ByName = Map<string, string[]>;

export interface ImportLookups {
  dateRule: RecordDateRule;
  /** Every entry of the catalogue, by list and code or name (catalogueKey). */
  catalogue: Map<string, CatalogueItem>;
  materialCodes: string[];
  persons: { byReference: Map<string, string>; ids: Set<string>; byAlias: ByName } | null;
  venues: { byReference: Map<string, string>; ids: Set<string>; byName: ByName } | null;
  /** Members who may facilitate a workshop, by lower-cased e-mail. */
  members: Map<string, string> | null;
}

function addByName(map: ByName, key: string, id: string) {
  if (!key) return;
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

async function importedReferences(ctx: ActingContext, shape: RecordShapeName): Promise<Map<string, string>> {
  const rows = await ctx.tx.importedRecord.findMany({
    where: { organisationId: ctx.viewer.organisationId, shape },
    select: { sourceRef: true, recordId: true },
  });
  return new Map(rows.map((row) => [row.sourceRef, row.recordId]));
}

/** How an entry is looked up: in its list, by its code or a name (accents, case, spacing aside). */
export function catalogueKey(list: CatalogueItem["list"], text: string): string {
  return `${list}:${comparableLabel(text)}`;
}

export async function loadCatalogue(ctx: ActingContext) {
  const entries = await ctx.tx.catalogueEntry.findMany({
    where: { organisationId: ctx.viewer.organisationId },
    select: { code: true, list: true, labelFr: true, labelEn: true, retiredAt: true },
    orderBy: [{ list: "asc" }, { position: "asc" }, { code: "asc" }],
  });
  const catalogue = new Map<string, CatalogueItem>();
  const items = entries.map((entry) => ({
    code: entry.code,
    list: entry.list,
    labelFr: entry.labelFr,
    labelEn: entry.labelEn,
    retired: entry.retiredAt !== null,
  }));
  // Names first, codes last: a code always wins over another entry's name.
  for (const item of items) {
    for (const name of [item.labelEn, item.labelFr]) {
      const key = catalogueKey(item.list, name);
      if (comparableLabel(name) && !catalogue.has(key)) catalogue.set(key, item);
    }
  }
  for (const item of items) catalogue.set(catalogueKey(item.list, item.code), item);
  return {
    catalogue,
    materialCodes: items.filter((item) => item.list === "MATERIAL" && !item.retired).map((item) => item.code),
  };
}

export async function loadLookups(ctx: ActingContext, shape: RecordShapeName): Promise<ImportLookups> {
  const organisationId = ctx.viewer.organisationId;
  const [dateRule, { catalogue, materialCodes }] = await Promise.all([
    recordDateRule(ctx),
    loadCatalogue(ctx),
  ]);
  let persons: ImportLookups["persons"] = null;
  let venues: ImportLookups["venues"] = null;
  let members: ImportLookups["members"] = null;
  if (shape === "ENCOUNTERS") {
    const [personRows, venueRows, personRefs, venueRefs] = await Promise.all([
      ctx.tx.person.findMany({
        where: { organisationId, mergedIntoId: null },
        select: { id: true, aliasSearch: true },
      }),
      ctx.tx.venue.findMany({ where: { organisationId }, select: { id: true, name: true } }),
      importedReferences(ctx, "PERSONS"),
      importedReferences(ctx, "VENUES"),
    ]);
    const byAlias: ByName = new Map();
    for (const person of personRows) addByName(byAlias, aliasSearchKey(person.aliasSearch), person.id);
    const byName: ByName = new Map();
    for (const venue of venueRows) addByName(byName, comparableLabel(venue.name), venue.id);
    persons = { byReference: personRefs, ids: new Set(personRows.map((p) => p.id)), byAlias };
    venues = { byReference: venueRefs, ids: new Set(venueRows.map((v) => v.id)), byName };
  }
  if (shape === "WORKSHOPS") {
    const rows = await ctx.tx.membership.findMany({
      where: facilitatorCandidatesWhere(organisationId),
      select: { userId: true, user: { select: { email: true } } },
    });
    members = new Map(rows.map((row) => [row.user.email.toLowerCase(), row.userId]));
  }
  return { dateRule, catalogue, materialCodes, persons, venues, members };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The records of a shape that exist with these ids in the organisation (an export's references). */
async function existingIds(ctx: ActingContext, shape: RecordShapeName, ids: string[]): Promise<Set<string>> {
  const candidates = ids.filter((id) => uuid.test(id)).map((id) => id.toLowerCase());
  if (candidates.length === 0) return new Set();
  const where = { organisationId: ctx.viewer.organisationId, id: { in: candidates } };
  const select = { id: true } as const;
  const rows =
    shape === "PERSONS"
      ? await ctx.tx.person.findMany({ where, select })
      : shape === "ENCOUNTERS"
        ? await ctx.tx.encounter.findMany({ where, select })
        : shape === "VENUES"
          ? await ctx.tx.venue.findMany({ where, select })
          : shape === "MATERIAL_RECEIPTS"
            ? await ctx.tx.materialReceipt.findMany({ where, select })
            : await ctx.tx.workshop.findMany({ where, select });
  return new Set(rows.map((row) => row.id));
}

/**
 * Which of the rows' source references are already in the organisation: imported before, or
 * the id of one of its records of the shape (a file it exported, whose rows carry their ids).
 */
export async function alreadyImportedReferences(
  ctx: ActingContext,
  shape: RecordShapeName,
  references: string[],
): Promise<Set<string>> {
  if (references.length === 0) return new Set();
  const found = new Set<string>();
  const chunk = 5_000;
  for (let start = 0; start < references.length; start += chunk) {
    const part = references.slice(start, start + chunk);
    const rows = await ctx.tx.importedRecord.findMany({
      where: { organisationId: ctx.viewer.organisationId, shape, sourceRef: { in: part } },
      select: { sourceRef: true },
    });
    for (const row of rows) found.add(row.sourceRef);
    const ids = await existingIds(ctx, shape, part);
    for (const reference of part) if (ids.has(reference.toLowerCase())) found.add(reference);
  }
  return found;
}
