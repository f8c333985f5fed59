/**
 * The stock of what an organisation hands out, kept by its coordinators (KEEP_STOCK; RLS policies
 * material_stocks_kept_by_coordinators, material_receipts_kept_by_coordinators): each item's last
 * count and low level, and what was received since. On hand now is the count plus the receipts
 * since, less the quantities the organisation's encounters handed out since — night-centre visits
 * and deliveries are encounters too, so each item handed out is counted once, by its encounter.
 */
import { Prisma, StockSource } from "@maillage/db";
import { receiveMaterialInput, recordMaterialStockInput } from "@maillage/domain/inputs";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { defineMutation } from "../../mutations.ts";
import { checkCatalogueCodes, entryLabel } from "../catalogues/catalogues.ts";

export interface StockLevel {
  item: string;
  labelFr: string;
  labelEn: string;
  retired: boolean;
  onHand: number;
  lowThreshold: number;
  countedAt: Date;
  receivedSince: number;
  handedOutSince: number;
}

/** Every kept item of the acting organisation with what is on hand now (one statement). */
export async function stockLevels(ctx: ActingContext): Promise<StockLevel[]> {
  const rows = await ctx.tx.$queryRaw<
    {
      item: string;
      label_fr: string;
      label_en: string;
      retired: boolean;
      low_threshold: number;
      counted_quantity: number;
      counted_at: Date;
      received: number;
      handed_out: number;
    }[]
  >(Prisma.sql`
    SELECT s.item, c.label_fr, c.label_en, c.retired_at IS NOT NULL AS retired, s.low_threshold,
           s.counted_quantity, s.counted_at,
           coalesce((SELECT sum(r.quantity) FROM material_receipts r
                      WHERE r.organisation_id = s.organisation_id AND r.item = s.item
                        AND r.received_at >= s.counted_at), 0)::int AS received,
           coalesce((SELECT sum(m.quantity) FROM encounter_materials m
                       JOIN encounters e ON e.id = m.encounter_id
                      WHERE m.organisation_id = s.organisation_id AND m.item = s.item
                        AND e.occurred_at >= s.counted_at), 0)::int AS handed_out
      FROM material_stocks s
      JOIN catalogue_entries c ON c.organisation_id = s.organisation_id AND c.code = s.item
     WHERE s.organisation_id = ${ctx.viewer.organisationId}::uuid
     ORDER BY c.position, c.label_fr`);
  return rows.map((row) => ({
    item: row.item,
    labelFr: row.label_fr,
    labelEn: row.label_en,
    retired: row.retired,
    onHand: Math.max(0, row.counted_quantity + row.received - row.handed_out),
    lowThreshold: row.low_threshold,
    countedAt: row.counted_at,
    receivedSince: row.received,
    handedOutSince: row.handed_out,
  }));
}

export const StockLevelRef = builder.objectRef<StockLevel>("MaterialStockLevel").implement({
  fields: (t) => ({
    item: t.exposeString("item", { description: "The code of the catalogue's material item." }),
    label: t.string({ resolve: (level, _args, ctx) => entryLabel(level, ctx.locale) }),
    retired: t.exposeBoolean("retired"),
    onHand: t.exposeInt("onHand", {
      description: "The last count plus what was received since, less what encounters handed out since.",
    }),
    lowThreshold: t.exposeInt("lowThreshold"),
    countedAt: t.field({ type: "DateTime", resolve: (level) => level.countedAt }),
    receivedSince: t.exposeInt("receivedSince"),
    handedOutSince: t.exposeInt("handedOutSince"),
    low: t.boolean({ resolve: (level) => level.onHand <= level.lowThreshold }),
  }),
});

builder.enumType(StockSource, { name: "StockSource" });

builder.queryField("materialStock", (t) =>
  t.withAuth({ takesAction: "KEEP_STOCK" }).field({
    type: [StockLevelRef],
    description: "The acting organisation's kept items, with what is on hand now (coordinators).",
    resolve: (_root, _args, ctx) => stockLevels(ctx),
  }),
);

async function levelOf(ctx: ActingContext, item: string): Promise<StockLevel> {
  const level = (await stockLevels(ctx)).find((kept) => kept.item === item);
  if (!level) throw new Error("the stock just written is not readable");
  return level;
}

defineMutation("recordMaterialStock", {
  description: "A count of one item on hand now and its low level; the next encounters draw on it.",
  authScopes: { takesAction: "KEEP_STOCK" },
  input: recordMaterialStockInput,
  payload: { level: StockLevelRef },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    const kept = await ctx.tx.materialStock.findUnique({
      where: { organisationId_item: { organisationId, item: input.item } },
      select: { item: true },
    });
    await checkCatalogueCodes(
      ctx,
      [{ path: "item", code: input.item, list: "MATERIAL" }],
      new Set(kept ? [kept.item] : []),
    );
    const counted = {
      countedQuantity: input.onHand,
      lowThreshold: input.lowThreshold,
      countedAt: ctx.now,
      countedById: ctx.viewer.userId,
    };
    await ctx.tx.materialStock.upsert({
      where: { organisationId_item: { organisationId, item: input.item } },
      create: { organisationId, item: input.item, ...counted },
      update: counted,
    });
    return levelOf(ctx, input.item);
  },
});

defineMutation("receiveMaterial", {
  description:
    "Stock received (a purchase, a donation, a public-health supply), added to what is on hand; " +
    "an item not kept yet starts from nothing with no low level.",
  authScopes: { takesAction: "KEEP_STOCK" },
  input: receiveMaterialInput,
  payload: { level: StockLevelRef },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
    await checkCatalogueCodes(ctx, [{ path: "item", code: input.item, list: "MATERIAL" }]);
    const kept = await ctx.tx.materialStock.findUnique({
      where: { organisationId_item: { organisationId, item: input.item } },
      select: { item: true },
    });
    if (!kept) {
      await ctx.tx.materialStock.create({
        data: {
          organisationId,
          item: input.item,
          countedQuantity: 0,
          lowThreshold: 0,
          countedAt: ctx.now,
          countedById: ctx.viewer.userId,
        },
      });
    }
    await ctx.tx.materialReceipt.create({
      data: {
        organisationId,
        item: input.item,
        quantity: input.quantity,
        source: input.source,
        receivedAt: ctx.now,
        recordedById: ctx.viewer.userId,
      },
    });
    return levelOf(ctx, input.item);
  },
});
