import { z } from "zod";
import { materialItem } from "./vocabularies.ts";

const count = z.number().int().min(0).max(1_000_000);

/** A coordinator's count of one item on hand, and the level under which it is low. */
export const recordMaterialStockInput = z.object({
  item: materialItem,
  onHand: count.describe("What is on the shelf now."),
  lowThreshold: count.describe("At or under this, the stock is low."),
});
