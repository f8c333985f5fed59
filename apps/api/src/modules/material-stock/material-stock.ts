/**
 * The stock of what an organisation hands out, kept by its coordinators (KEEP_STOCK; RLS policy
 * material_stocks_kept_by_coordinators): each item's last count and its low level. On hand now is
 * the count less the quantities the organisation's encounters recorded since it was made, so the
 * field's entries keep it current without anyone typing a stock movement.
 */
import type { MaterialItem } from "@maillage/db";
import { Prisma } from "@maillage/db";
import { recordMaterialStockInput } from "@maillage/domain/inputs";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { defineMutation } from "../../mutations.ts";
import { MaterialItemEnum } from "../encounters/encounters.types.ts";

export interface StockLevel {
  item: MaterialItem;
  onHand: number;
  lowThreshold: number;
  countedAt: Date;
}

/** Every counted item of the acting organisation with what is on hand now (one statement). */
export async function stockLevels(ctx: ActingContext): Promise<StockLevel[]> {
  const rows = await ctx.tx.$queryRaw<
    { item: MaterialItem; on_hand: number; low_threshold: number; counted_at: Date }[]
  >(Prisma.sql`
    SELECT s.item, s.low_threshold, s.counted_at,
           (s.counted_quantity - coalesce((
              SELECT sum(m.quantity) FROM encounter_materials m
                JOIN encounters e ON e.id = m.encounter_id
               WHERE e.organisation_id = s.organisation_id AND m.item = s.item
                 AND e.occurred_at >= s.counted_at), 0))::int AS on_hand
      FROM material_stocks s
     WHERE s.organisation_id = ${ctx.viewer.organisationId}::uuid
     ORDER BY s.item`);
  return rows.map((row) => ({
    item: row.item,
    onHand: Math.max(0, row.on_hand),
    lowThreshold: row.low_threshold,
    countedAt: row.counted_at,
  }));
}

export const StockLevelRef = builder.objectRef<StockLevel>("MaterialStockLevel").implement({
  fields: (t) => ({
    item: t.field({ type: MaterialItemEnum, resolve: (level) => level.item }),
    onHand: t.exposeInt("onHand", { description: "The last count less what encounters handed out since." }),
    lowThreshold: t.exposeInt("lowThreshold"),
    countedAt: t.field({ type: "DateTime", resolve: (level) => level.countedAt }),
    low: t.boolean({ resolve: (level) => level.onHand <= level.lowThreshold }),
  }),
});

builder.queryField("materialStock", (t) =>
  t.withAuth({ takesAction: "KEEP_STOCK" }).field({
    type: [StockLevelRef],
    description: "The acting organisation's counted items, with what is on hand now (coordinators).",
    resolve: (_root, _args, ctx) => stockLevels(ctx),
  }),
);

defineMutation("recordMaterialStock", {
  description: "A count of one item on hand now and its low level; the next encounters draw on it.",
  authScopes: { takesAction: "KEEP_STOCK" },
  input: recordMaterialStockInput,
  payload: { level: StockLevelRef },
  resolve: async (input, ctx) => {
    const organisationId = ctx.viewer.organisationId;
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
    const level = (await stockLevels(ctx)).find((kept) => kept.item === input.item);
    if (!level) throw new Error("the count just recorded is not readable");
    return level;
  },
});
