// The stock of what is handed out: counted by coordinators, drawn on by the field's encounters,
// low on the coordinator's home screen; nobody else reads or writes it.
import { queryAsViewer } from "@maillage/db/factories";
import { fieldErrorMessage } from "@maillage/domain";
import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf } from "../../testing/rows.ts";

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

const receive = `mutation ($input: ReceiveMaterialInput!) {
  receiveMaterial(input: $input) {
    __typename
    ... on ReceiveMaterialSuccess { level { item label onHand receivedSince handedOutSince low } }
    ... on AppError { code }
    ... on InputValidationError { fields { path code message } }
  }
}`;

const ownerReceipts = () =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM material_receipts WHERE organisation_id = $1", [
    world.owner.id,
  ]);

describe("stock received", () => {
  it("adds to what is on hand, beside what encounters hand out since the count", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await coordinator.request<any>(record, { input: { item: "LUBRICANT", onHand: 50, lowThreshold: 10 } });
    const received = await coordinator.request<any>(receive, {
      input: { item: "LUBRICANT", quantity: 30, source: "PUBLIC_HEALTH_SUPPLY" },
    });
    expect(received.data?.receiveMaterial).toEqual({
      __typename: "ReceiveMaterialSuccess",
      level: {
        item: "LUBRICANT",
        label: "Lubrifiant",
        onHand: 80,
        receivedSince: 30,
        handedOutSince: 0,
        low: false,
      },
    });
    const worker = await world.signIn(world.owner.users.worker);
    await worker.request<any>(encounter, {
      input: {
        anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 1 },
        channel: "PHONE",
        placeType: "OTHER",
        materials: [{ item: "LUBRICANT", quantity: 20 }],
      },
    });
    const again = await coordinator.request<any>(receive, {
      input: { item: "LUBRICANT", quantity: 5, source: "DONATION" },
    });
    expect(again.data?.receiveMaterial.level).toMatchObject({
      onHand: 65,
      receivedSince: 35,
      handedOutSince: 20,
    });
    const { rows } = await world.pool.query(
      "SELECT quantity, source, recorded_by_id FROM material_receipts WHERE organisation_id = $1 AND item = 'LUBRICANT' ORDER BY received_at",
      [world.owner.id],
    );
    expect(rows).toEqual([
      { quantity: 30, source: "PUBLIC_HEALTH_SUPPLY", recorded_by_id: world.owner.users.coordinator.id },
      { quantity: 5, source: "DONATION", recorded_by_id: world.owner.users.coordinator.id },
    ]);

    // An item never counted starts from what was received.
    const first = await coordinator.request<any>(receive, {
      input: { item: "HYGIENE_KITS", quantity: 40, source: "PURCHASE" },
    });
    expect(first.data?.receiveMaterial.level).toMatchObject({
      item: "HYGIENE_KITS",
      onHand: 40,
      receivedSince: 40,
    });
  });

  it("refuses a zero or negative quantity, an unknown or retired item, writing nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await coordinator.request<any>(
      `mutation { addCatalogueEntry(input: { list: MATERIAL, code: "OLD_KITS", labelFr: "Anciennes trousses",
        labelEn: "Old kits", category: DRUG_USE, unit: KIT }) { __typename } }`,
    );
    await coordinator.request<any>(
      `mutation { retireCatalogueEntry(input: { code: "OLD_KITS" }) { __typename } }`,
    );
    const before = await ownerReceipts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ item: "SYRINGES", quantity: 0, source: "PURCHASE" }, "quantity", "TOO_SMALL"],
      [{ item: "SYRINGES", quantity: -12, source: "DONATION" }, "quantity", "TOO_SMALL"],
      [{ item: "NOT_IN_CATALOGUE", quantity: 5, source: "DONATION" }, "item", "NOT_FOUND"],
      [{ item: "SHOWER", quantity: 5, source: "DONATION" }, "item", "WRONG_LIST"],
      [{ item: "OLD_KITS", quantity: 5, source: "DONATION" }, "item", "RETIRED"],
    ];
    for (const [input, path, code] of cases) {
      const refused = await coordinator.request<any>(receive, { input });
      expect({ input, answer: refused.data?.receiveMaterial }).toEqual({
        input,
        answer: {
          __typename: "InputValidationError",
          code: "INPUT_VALIDATION",
          fields: [{ path, code, message: fieldErrorMessage("fr", code as "NOT_FOUND") }],
        },
      });
    }
    expect(await ownerReceipts()).toBe(before);
    const { rows } = await world.pool.query(
      "SELECT item FROM material_stocks WHERE organisation_id = $1 AND item IN ('SYRINGES', 'OLD_KITS')",
      [world.owner.id],
    );
    expect(rows).toEqual([]);
  });

  it("is refused to a worker and to a partner's coordinator, through the API and in SQL", async () => {
    const before = await ownerReceipts();
    const worker = await world.signIn(world.owner.users.worker);
    const refused = await worker.request<any>(receive, {
      input: { item: "CONDOMS", quantity: 100, source: "PURCHASE" },
    });
    expect(refused.data?.receiveMaterial ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    // The partner's coordinator receives into her own stock only: the owner's own item is not hers.
    const owner = await world.signIn(world.owner.users.coordinator);
    await owner.request<any>(
      `mutation { addCatalogueEntry(input: { list: MATERIAL, code: "OWNER_KITS", labelFr: "Trousses maison",
        labelEn: "Home kits", category: HYGIENE, unit: KIT }) { __typename } }`,
    );
    const partner = await world.signIn(world.partner.users.coordinator);
    const notHers = await partner.request<any>(receive, {
      input: { item: "OWNER_KITS", quantity: 10, source: "DONATION" },
    });
    expect(notHers.data?.receiveMaterial.fields).toEqual([
      { path: "item", code: "NOT_FOUND", message: fieldErrorMessage("fr", "NOT_FOUND") },
    ]);

    const insert = `INSERT INTO material_receipts (organisation_id, item, quantity, source, recorded_by_id)
                    VALUES ($1, 'CONDOMS', 10, 'DONATION', $2)`;
    for (const viewer of [
      {
        userId: world.owner.users.worker.id,
        organisationId: world.owner.id,
        roles: ["OUTREACH_WORKER" as const],
      },
      {
        userId: world.partner.users.coordinator.id,
        organisationId: world.partner.id,
        roles: ["COORDINATOR" as const],
      },
    ]) {
      await expect(
        queryAsViewer(world.pool, viewer, insert, [world.owner.id, viewer.userId]),
      ).rejects.toThrow(/row-level security/);
      const seen = await queryAsViewer<{ n: number }>(
        world.pool,
        viewer,
        "SELECT count(*)::int AS n FROM material_receipts WHERE organisation_id = $1",
        [world.owner.id],
      );
      expect(seen).toEqual([{ n: 0 }]);
    }
    // A coordinator records receipts as herself, never in another's name.
    await expect(
      queryAsViewer(
        world.pool,
        { userId: world.owner.users.coordinator.id, organisationId: world.owner.id, roles: ["COORDINATOR"] },
        insert,
        [world.owner.id, world.owner.users.worker.id],
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await ownerReceipts()).toBe(before);
  });
});
