/**
 * Material stock (issue 15): each organisation's last count of an item, its low level and what
 * was received — since and before the count. On hand is the count plus the receipts since, less
 * the quantities its encounters handed out since (apps/api modules/material-stock): so the count
 * is set, after every encounter of the seed is written, to what makes on hand the level wanted —
 * a few items under their low level, for the coordinator's warning to say something true.
 */
import type pg from "pg";
import { insertRows } from "./batches.ts";
import type { ProgrammeCalendar } from "./calendar.ts";

export interface KeptItem {
  item: string;
  /** What should be on hand now. */
  onHand: number;
  lowThreshold: number;
  /** Received since the count: [days ago, quantity, source]. */
  receivedSince?: [number, number, string][];
  /** Received before it (the history of the receipts screen). */
  receivedBefore?: [number, number, string][];
}

export interface StockContext {
  calendar: ProgrammeCalendar;
  organisationId: string;
  coordinator: string;
  /** The day of the last count, in days ago. */
  countedDaysAgo: number;
  items: KeptItem[];
}

/** Writes the counts and receipts; answers how many items are under their low level. */
export async function seedStock(
  client: pg.ClientBase,
  c: StockContext,
): Promise<{ kept: number; low: number }> {
  const countedAt = c.calendar.at(c.countedDaysAgo, 9 * 60 + 30);
  const { rows } = await client.query<{ item: string; handed_out: number }>(
    `SELECT m.item, sum(m.quantity)::int AS handed_out FROM encounter_materials m
       JOIN encounters e ON e.id = m.encounter_id
      WHERE m.organisation_id = $1 AND e.occurred_at >= $2 GROUP BY m.item`,
    [c.organisationId, countedAt],
  );
  const handedOut = new Map(rows.map((row) => [row.item, row.handed_out]));
  const receiptRows: unknown[][] = [];
  const stockRows: unknown[][] = [];
  let low = 0;
  for (const kept of c.items) {
    const handed = handedOut.get(kept.item) ?? 0;
    // A receipt that would need a count below nothing is left out (the seed's handing out drew
    // less than it was planned for): on hand is then exactly the level wanted.
    const since: [number, number, string][] = [];
    let received = 0;
    for (const receipt of kept.receivedSince ?? [])
      if (received + receipt[1] <= kept.onHand + handed) {
        since.push(receipt);
        received += receipt[1];
      }
    const counted = kept.onHand + handed - received;
    if (kept.onHand <= kept.lowThreshold) low += 1;
    stockRows.push([c.organisationId, kept.item, counted, countedAt, kept.lowThreshold, c.coordinator]);
    for (const [daysAgo, quantity, source] of [...(kept.receivedBefore ?? []), ...since]) {
      receiptRows.push([
        c.organisationId,
        kept.item,
        quantity,
        source,
        c.calendar.at(daysAgo, daysAgo === c.countedDaysAgo ? 9 * 60 : 14 * 60),
        c.coordinator,
      ]);
    }
  }
  await insertRows(
    client,
    "material_stocks",
    ["organisation_id", "item", "counted_quantity", "counted_at", "low_threshold", "counted_by_id"],
    [],
    stockRows,
  );
  await insertRows(
    client,
    "material_receipts",
    ["organisation_id", "item", "quantity", "source", "received_at", "recorded_by_id"],
    ["", "", "", '::"StockSource"', "", ""],
    receiptRows,
  );
  return { kept: stockRows.length, low };
}
