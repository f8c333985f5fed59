/**
 * Each organisation's catalogues: the material items it hands out, the services it offers and the
 * online platforms it covers (table catalogue_entries). Its coordinators edit them in French and
 * English (EDIT_CATALOGUES); every working member reads them to fill an entry. Records name an
 * entry by its code; an entry in use is retired, never deleted (the database's foreign keys
 * restrict it), and a retired entry still labels the records and indicators that name it.
 */
import { CatalogueList, MaterialCategory, MaterialUnit } from "@maillage/db";
import type { Locale } from "@maillage/domain";
import {
  addCatalogueEntryInput,
  catalogueEntryCodeInput,
  namesAnAccount,
  updateCatalogueEntryInput,
} from "@maillage/domain/inputs";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { fieldProblem } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";

export const CatalogueListEnum = builder.enumType(CatalogueList, { name: "CatalogueList" });
export const MaterialCategoryEnum = builder.enumType(MaterialCategory, { name: "MaterialCategory" });
export const MaterialUnitEnum = builder.enumType(MaterialUnit, { name: "MaterialUnit" });

/** An entry's name in a language. */
export function entryLabel(entry: { labelFr: string; labelEn: string }, locale: Locale): string {
  return locale === "en" ? entry.labelEn : entry.labelFr;
}

/** Every kind of record that names a catalogue entry (each a foreign key restricting its delete). */
const usesOfAnEntry = {
  materials: true,
  services: true,
  encounters: true,
  stocks: true,
  receipts: true,
  eveningPartners: true,
  deliveryItems: true,
} as const;

export const CatalogueEntryRef = builder.prismaObject("CatalogueEntry", {
  fields: (t) => ({
    code: t.exposeString("code", {
      description: "Shared across a partnership for indicators; never changes.",
    }),
    list: t.expose("list", { type: CatalogueListEnum }),
    label: t.string({
      description: "The name in the viewer's language.",
      resolve: (entry, _args, ctx) => entryLabel(entry, ctx.locale),
    }),
    labelFr: t.exposeString("labelFr"),
    labelEn: t.exposeString("labelEn"),
    category: t.expose("category", { type: MaterialCategoryEnum, nullable: true }),
    unit: t.expose("unit", { type: MaterialUnitEnum, nullable: true }),
    retired: t.boolean({ resolve: (entry) => entry.retiredAt !== null }),
    inUse: t.boolean({
      description: "Whether a record names it (then it can be retired, not deleted).",
      select: {
        _count: { select: usesOfAnEntry },
      },
      resolve: (entry) => Object.values(entry._count).some((count) => count > 0),
    }),
  }),
});

const order = [{ list: "asc" }, { position: "asc" }, { labelFr: "asc" }] as const;

builder.queryField("catalogue", (t) =>
  t.withAuth({ workingRole: true }).prismaField({
    type: [CatalogueEntryRef],
    description: "The acting organisation's catalogue entries, in their order; retired ones on request.",
    args: {
      list: t.arg({ type: CatalogueListEnum, required: false }),
      includeRetired: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.tx.catalogueEntry.findMany({
        ...query,
        where: {
          organisationId: ctx.viewer.organisationId,
          ...(args.list ? { list: args.list } : {}),
          ...(args.includeRetired ? {} : { retiredAt: null }),
        },
        orderBy: [...order],
      }),
  }),
);

/** The acting organisation's entry of that code, or a field problem at `path`. */
async function ownEntry(ctx: ActingContext, code: string, path = "code") {
  const entry = await ctx.tx.catalogueEntry.findUnique({
    where: { organisationId_code: { organisationId: ctx.viewer.organisationId, code } },
  });
  if (!entry) throw fieldProblem(ctx.locale, path, "NOT_FOUND");
  return entry;
}

/**
 * Checks, in one query, that every code a record names is an entry of the organisation's `list`,
 * in use (or already on the record being changed: a retired item stays on the records that had it).
 */
export async function checkCatalogueCodes(
  ctx: ActingContext,
  codes: { path: string; code: string; list: CatalogueList }[],
  alreadyOnRecord: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (codes.length === 0) return;
  const entries = await ctx.tx.catalogueEntry.findMany({
    where: { organisationId: ctx.viewer.organisationId, code: { in: codes.map((c) => c.code) } },
    select: { code: true, list: true, retiredAt: true },
  });
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  for (const { path, code, list } of codes) {
    const entry = byCode.get(code);
    if (!entry) throw fieldProblem(ctx.locale, path, "NOT_FOUND");
    if (entry.list !== list) throw fieldProblem(ctx.locale, path, "WRONG_LIST");
    if (entry.retiredAt && !alreadyOnRecord.has(code)) throw fieldProblem(ctx.locale, path, "RETIRED");
  }
}

const scopes = { takesAction: "EDIT_CATALOGUES" } as const;

defineMutation("addCatalogueEntry", {
  description: "A new material item, service or platform of the acting organisation (coordinators).",
  authScopes: scopes,
  input: addCatalogueEntryInput,
  payload: { entry: CatalogueEntryRef },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const taken = await ctx.tx.catalogueEntry.findUnique({
      where: { organisationId_code: { organisationId, code: input.code } },
      select: { id: true },
    });
    if (taken) throw fieldProblem(ctx.locale, "code", "CODE_TAKEN");
    const last = await ctx.tx.catalogueEntry.aggregate({
      where: { organisationId, list: input.list },
      _max: { position: true },
    });
    return ctx.tx.catalogueEntry.create({
      data: {
        organisationId,
        list: input.list,
        code: input.code,
        labelFr: input.labelFr,
        labelEn: input.labelEn,
        category: input.category ?? null,
        unit: input.unit ?? null,
        position: (last._max.position ?? 0) + 10,
      },
    });
  },
});

defineMutation("updateCatalogueEntry", {
  description: "An entry's names (and a material item's category and unit); its code stays.",
  authScopes: scopes,
  input: updateCatalogueEntryInput,
  payload: { entry: CatalogueEntryRef },
  resolve: async (input, ctx) => {
    const entry = await ownEntry(ctx, input.code);
    const material = entry.list === "MATERIAL";
    for (const key of ["category", "unit"] as const) {
      const given = input[key] !== null && input[key] !== undefined;
      if (material && !given) throw fieldProblem(ctx.locale, key, "REQUIRED");
      if (!material && given) throw fieldProblem(ctx.locale, key, "INVALID_VALUE");
    }
    if (entry.list === "PLATFORM") {
      for (const key of ["labelFr", "labelEn"] as const)
        if (namesAnAccount(input[key])) throw fieldProblem(ctx.locale, key, "SITE_NAME_ONLY");
    }
    return ctx.tx.catalogueEntry.update({
      where: { id: entry.id },
      data: {
        labelFr: input.labelFr,
        labelEn: input.labelEn,
        category: input.category ?? null,
        unit: input.unit ?? null,
      },
    });
  },
});

defineMutation("retireCatalogueEntry", {
  description: "No longer offered for new entries; past records and indicators keep it.",
  authScopes: scopes,
  input: catalogueEntryCodeInput,
  payload: { entry: CatalogueEntryRef },
  resolve: async (input, ctx) => {
    const entry = await ownEntry(ctx, input.code);
    if (entry.retiredAt) return entry;
    return ctx.tx.catalogueEntry.update({
      where: { id: entry.id },
      data: { retiredAt: ctx.now, retiredById: ctx.viewer.userId },
    });
  },
});

defineMutation("restoreCatalogueEntry", {
  description: "Offered again for new entries.",
  authScopes: scopes,
  input: catalogueEntryCodeInput,
  payload: { entry: CatalogueEntryRef },
  resolve: async (input, ctx) => {
    const entry = await ownEntry(ctx, input.code);
    return ctx.tx.catalogueEntry.update({
      where: { id: entry.id },
      data: { retiredAt: null, retiredById: null },
    });
  },
});

const DeletedEntry = builder.objectRef<{ code: string }>("DeleteCatalogueEntrySuccess").implement({
  fields: (t) => ({ deletedCode: t.exposeString("code") }),
});

defineMutation("deleteCatalogueEntry", {
  description: "An entry no record names (a typo); one in use is retired instead (IN_USE).",
  authScopes: scopes,
  input: catalogueEntryCodeInput,
  type: DeletedEntry,
  resolve: async (input, ctx) => {
    const entry = await ownEntry(ctx, input.code);
    const used = await ctx.tx.catalogueEntry.findUniqueOrThrow({
      where: { id: entry.id },
      select: {
        _count: { select: usesOfAnEntry },
      },
    });
    // Counted by the owner's coordinator, who sees every record of the organisation; the
    // foreign keys would refuse the delete anyway.
    if (Object.values(used._count).some((count) => count > 0))
      throw fieldProblem(ctx.locale, "code", "IN_USE");
    await ctx.tx.catalogueEntry.delete({ where: { id: entry.id } });
    return { code: entry.code };
  },
});
