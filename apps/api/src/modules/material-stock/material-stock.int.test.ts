// The stock of what is handed out: counted by coordinators, drawn on by the field's encounters,
// low on the coordinator's home screen; nobody else reads or writes it.
import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();

const record = `mutation ($input: RecordMaterialStockInput!) {
  recordMaterialStock(input: $input) {
    __typename
    ... on RecordMaterialStockSuccess { level { item onHand lowThreshold low } }
    ... on AppError { code }
  }
}`;
const encounter = `mutation ($input: RecordEncounterInput!) { recordEncounter(input: $input) { __typename } }`;

describe("material stock", () => {
  it("a count is drawn on by later encounters and shows low on the coordinator's home screen", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const counted = await coordinator.request<any>(record, {
      input: { item: "NALOXONE_KITS", onHand: 100, lowThreshold: 30 },
    });
    expect(counted.data?.recordMaterialStock.level).toEqual({
      item: "NALOXONE_KITS",
      onHand: 100,
      lowThreshold: 30,
      low: false,
    });
    const worker = await world.signIn(world.owner.users.worker);
    const handedOut = await worker.request<any>(encounter, {
      input: {
        anonymous: { gender: "WOMAN", ageBracket: "AGE_26_35", headCount: 1 },
        channel: "IN_PERSON",
        placeType: "WORKPLACE",
        materials: [{ item: "NALOXONE_KITS", quantity: 75 }],
      },
    });
    expect(handedOut.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");

    const stock = await coordinator.request<any>("{ materialStock { item onHand low } }");
    expect(stock.data?.materialStock).toEqual([{ item: "NALOXONE_KITS", onHand: 25, low: true }]);
    const home = await coordinator.request<any>("{ today { coordination { lowStock { item onHand } } } }");
    expect(home.data?.today.coordination.lowStock).toEqual([{ item: "NALOXONE_KITS", onHand: 25 }]);

    // A new count starts again from what is on the shelf.
    const recount = await coordinator.request<any>(record, {
      input: { item: "NALOXONE_KITS", onHand: 200, lowThreshold: 30 },
    });
    expect(recount.data?.recordMaterialStock.level).toMatchObject({ onHand: 200, low: false });
  });

  it("only the organisation's coordinators read or count it", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const refused = await worker.request<any>(record, {
      input: { item: "CONDOMS", onHand: 10, lowThreshold: 1 },
    });
    expect(refused.data?.recordMaterialStock?.code ?? refused.errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    const read = await worker.request<any>("{ materialStock { item } }");
    expect(read.data?.materialStock ?? null).toBeNull();

    // The partner's coordinator keeps its own stock and sees none of the owner's.
    const partner = await world.signIn(world.partner.users.coordinator);
    const theirs = await partner.request<any>("{ materialStock { item } }");
    expect(theirs.data?.materialStock).toEqual([]);
    const { rows } = await world.pool.query("SELECT item FROM material_stocks WHERE organisation_id = $1", [
      world.owner.id,
    ]);
    expect(rows.map((row) => row.item)).not.toContain("CONDOMS");
  });

  it("refuses a negative count, writing nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const bad = await coordinator.request<any>(record, {
      input: { item: "SYRINGES", onHand: -1, lowThreshold: 5 },
    });
    expect(bad.data?.recordMaterialStock.code).toBe("INPUT_VALIDATION");
    const { rows } = await world.pool.query(
      "SELECT 1 FROM material_stocks WHERE organisation_id = $1 AND item = 'SYRINGES'",
      [world.owner.id],
    );
    expect(rows).toHaveLength(0);
  });
});
