import { z } from "zod";
import { stockSources } from "../vocabularies.ts";
import { catalogueCode } from "./catalogues.ts";
import { named } from "./fields.ts";

const count = z.number().int().min(0).max(1_000_000);

/** A coordinator's count of one item on hand, and the level under which it is low. */
export const recordMaterialStockInput = z.object({
  item: catalogueCode.describe("The code of a material item of the organisation's catalogue."),
  onHand: count.describe("What is on the shelf now."),
  lowThreshold: count.describe("At or under this, the stock is low."),
});

export const stockSource = named("StockSource", z.enum(stockSources));

/** Stock received: added to what is on hand. */
export const receiveMaterialInput = z.object({
  item: catalogueCode.describe("The code of a material item of the organisation's catalogue."),
  quantity: z.number().int().min(1).max(1_000_000),
  source: stockSource,
});
