// Each organisation's catalogues (issue 15): its coordinators add, rename, retire, restore and
// delete entries; a retired entry is refused in new records but stays on past ones and in the
// indicators; nobody outside the organisation edits it, an unrelated organisation reads none of
// it; organisations of a partnership that share a code are counted together.
import type { Role } from "@maillage/db";
import { createUser, queryAsViewer, type TestUser } from "@maillage/db/factories";
import {
  defaultProgrammeSettings,
  fieldErrorMessage,
  fiscalYearBounds,
  fiscalYearOf,
} from "@maillage/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { figure, readOrganisation, readPartnership, table } from "../../testing/published-indicators.ts";
import { countOf } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const entryFields = "code list label labelFr labelEn category unit retired inUse";
const failure = "... on AppError { code } ... on InputValidationError { fields { path code message } }";
const add = `mutation ($input: AddCatalogueEntryInput!) {
  addCatalogueEntry(input: $input) { __typename ... on AddCatalogueEntrySuccess { entry { ${entryFields} } } ${failure} }
}`;
const update = `mutation ($input: UpdateCatalogueEntryInput!) {
  updateCatalogueEntry(input: $input) { __typename ... on UpdateCatalogueEntrySuccess { entry { ${entryFields} } } ${failure} }
}`;
const retire = `mutation ($input: RetireCatalogueEntryInput!) {
  retireCatalogueEntry(input: $input) { __typename ... on RetireCatalogueEntrySuccess { entry { code retired } } ${failure} }
}`;
const restore = `mutation ($input: RestoreCatalogueEntryInput!) {
  restoreCatalogueEntry(input: $input) { __typename ... on RestoreCatalogueEntrySuccess { entry { code retired } } ${failure} }
}`;
const remove = `mutation ($input: DeleteCatalogueEntryInput!) {
  deleteCatalogueEntry(input: $input) { __typename ... on DeleteCatalogueEntrySuccess { deletedCode } ${failure} }
}`;
const catalogue = `query ($list: CatalogueList, $includeRetired: Boolean) {
  catalogue(list: $list, includeRetired: $includeRetired) { ${entryFields} }
}`;
const recordEncounter = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) { __typename ... on RecordEncounterSuccess { encounter { id } } ${failure} }
}`;

const anonymous = { gender: "WOMAN", ageBracket: "AGE_26_35", headCount: 1 };

/** The answer of a mutation field, or its refusal's code when the field's scope refused it. */
function outcome(answer: { data?: any; errors?: { extensions?: { code?: string } }[] }, field: string) {
  return answer.data?.[field] ?? { code: answer.errors?.[0]?.extensions?.code };
}

async function addEntry(client: TestClient, input: Record<string, unknown>) {
  return outcome(await client.request<any>(add, { input }), "addCatalogueEntry");
}

async function entriesOf(client: TestClient, list: string, includeRetired = false): Promise<any[]> {
  return (await client.request<any>(catalogue, { list, includeRetired })).data?.catalogue;
}

const ownerEntries = (code: string) =>
  countOf(
    world.pool,
    "SELECT count(*)::int AS n FROM catalogue_entries WHERE organisation_id = $1 AND code = $2",
    [world.owner.id, code],
  );
const ownerCatalogueSize = () =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM catalogue_entries WHERE organisation_id = $1", [
    world.owner.id,
  ]);
const ownerEncounters = () =>
  countOf(world.pool, "SELECT count(*)::int AS n FROM encounters WHERE organisation_id = $1", [
    world.owner.id,
  ]);

/** The SQL viewer of a world user acting for its organisation with its one role. */
function sqlViewer(user: TestUser, organisationId: string, role: Role) {
  return { userId: user.id, organisationId, roles: [role] };
}

/** A client signed in as `user` that asks for English answers. */
async function inEnglish(user: TestUser): Promise<TestClient> {
  const client = new TestClient(world.server.url, "en-CA");
  await client.signIn(user.email, user.password);
  return client;
}

const groceryVouchers = {
  list: "MATERIAL",
  code: "GROCERY_VOUCHERS",
  labelFr: "Bons d'épicerie",
  labelEn: "Grocery vouchers",
  category: "FOOD_VOUCHERS",
  unit: "VOUCHER",
};

describe("a coordinator's catalogue", () => {
  it("adds, renames, retires and restores entries of each list", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const added = await addEntry(coordinator, groceryVouchers);
    expect(added).toEqual({
      __typename: "AddCatalogueEntrySuccess",
      entry: {
        code: "GROCERY_VOUCHERS",
        list: "MATERIAL",
        label: "Bons d'épicerie",
        labelFr: "Bons d'épicerie",
        labelEn: "Grocery vouchers",
        category: "FOOD_VOUCHERS",
        unit: "VOUCHER",
        retired: false,
        inUse: false,
      },
    });
    const service = await addEntry(coordinator, {
      list: "SERVICE",
      code: "LEGAL_CLINIC",
      labelFr: "Clinique juridique",
      labelEn: "Legal clinic",
    });
    expect(service.entry).toMatchObject({ list: "SERVICE", category: null, unit: null });
    const platform = await addEntry(coordinator, {
      list: "PLATFORM",
      code: "TRYST",
      labelFr: "Tryst",
      labelEn: "tryst.link",
    });
    expect(platform.__typename).toBe("AddCatalogueEntrySuccess");

    // After the defaults, in the order added; the English client reads the English name.
    const materials = await entriesOf(coordinator, "MATERIAL");
    expect(materials.map((entry) => entry.code).at(-1)).toBe("GROCERY_VOUCHERS");
    expect(materials.map((entry) => entry.code)).toContain("CONDOMS");
    const english = await inEnglish(world.owner.users.coordinator);
    expect((await entriesOf(english, "SERVICE")).find((entry) => entry.code === "LEGAL_CLINIC").label).toBe(
      "Legal clinic",
    );

    const renamed = outcome(
      await coordinator.request<any>(update, {
        input: {
          code: "GROCERY_VOUCHERS",
          labelFr: "Bons d'épicerie (Metro)",
          labelEn: "Grocery vouchers (Metro)",
          category: "FOOD_VOUCHERS",
          unit: "VOUCHER",
        },
      }),
      "updateCatalogueEntry",
    );
    expect(renamed.entry).toMatchObject({
      code: "GROCERY_VOUCHERS",
      labelFr: "Bons d'épicerie (Metro)",
      labelEn: "Grocery vouchers (Metro)",
    });

    const retired = await coordinator.request<any>(retire, { input: { code: "GROCERY_VOUCHERS" } });
    expect(retired.data?.retireCatalogueEntry).toEqual({
      __typename: "RetireCatalogueEntrySuccess",
      entry: { code: "GROCERY_VOUCHERS", retired: true },
    });
    // Offered no more; still listed for the coordinator who may bring it back.
    expect((await entriesOf(coordinator, "MATERIAL")).map((entry) => entry.code)).not.toContain(
      "GROCERY_VOUCHERS",
    );
    expect(
      (await entriesOf(coordinator, "MATERIAL", true)).find((entry) => entry.code === "GROCERY_VOUCHERS"),
    ).toMatchObject({ retired: true, labelFr: "Bons d'épicerie (Metro)" });

    const restored = await coordinator.request<any>(restore, { input: { code: "GROCERY_VOUCHERS" } });
    expect(restored.data?.restoreCatalogueEntry.entry).toEqual({ code: "GROCERY_VOUCHERS", retired: false });
    expect((await entriesOf(coordinator, "MATERIAL")).map((entry) => entry.code)).toContain(
      "GROCERY_VOUCHERS",
    );
  });

  it("refuses a retired item in a new encounter, writing nothing, and keeps it on past records and indicators", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await addEntry(coordinator, {
      ...groceryVouchers,
      code: "CLOTHING_VOUCHERS",
      labelFr: "Bons de vêtements",
      labelEn: "Clothing vouchers",
    });
    const worker = await world.signIn(world.owner.users.worker);
    const occurredAt = new Date(Date.now() - 3_600_000);
    const past = await worker.request<any>(recordEncounter, {
      input: {
        anonymous,
        occurredAt: occurredAt.toISOString(),
        channel: "IN_PERSON",
        placeType: "NIGHT_CENTRE",
        materials: [{ item: "CLOTHING_VOUCHERS", quantity: 3 }],
      },
    });
    const encounterId = past.data?.recordEncounter.encounter.id;
    expect(encounterId).toBeTruthy();
    await coordinator.request<any>(retire, { input: { code: "CLOTHING_VOUCHERS" } });

    const before = await ownerEncounters();
    const refused = await worker.request<any>(recordEncounter, {
      input: {
        anonymous,
        channel: "IN_PERSON",
        placeType: "NIGHT_CENTRE",
        materials: [
          { item: "CONDOMS", quantity: 2 },
          { item: "CLOTHING_VOUCHERS", quantity: 1 },
        ],
      },
    });
    expect(refused.data?.recordEncounter).toEqual({
      __typename: "InputValidationError",
      code: "INPUT_VALIDATION",
      fields: [{ path: "materials.1.item", code: "RETIRED", message: fieldErrorMessage("fr", "RETIRED") }],
    });
    expect(await ownerEncounters()).toBe(before);

    // The past encounter keeps the item, with its name.
    const read = await worker.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on Encounter { materials { item label quantity } } } }`,
      { id: encounterId },
    );
    expect(read.data?.node.materials).toEqual([
      { item: "CLOTHING_VOUCHERS", label: "Bons de vêtements", quantity: 3 },
    ]);

    // The organisation's indicators count it, by its name.
    const indicators = await readOrganisation(coordinator, {
      fiscalYear: fiscalYearOf(occurredAt, defaultProgrammeSettings),
    });
    expect(
      table(indicators, "materialsByItem").cells.map(({ key, label, count }) => ({ key, label, count })),
    ).toContainEqual({ key: "CLOTHING_VOUCHERS", label: "Bons de vêtements", count: 3 });
  });

  it("deletes an entry no record names, and answers IN_USE for one in use, which stays", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    await addEntry(coordinator, {
      list: "SERVICE",
      code: "TYPO_SERVIC",
      labelFr: "Servic",
      labelEn: "Servic",
    });
    expect(await ownerEntries("TYPO_SERVIC")).toBe(1);
    const deleted = await coordinator.request<any>(remove, { input: { code: "TYPO_SERVIC" } });
    expect(deleted.data?.deleteCatalogueEntry).toEqual({
      __typename: "DeleteCatalogueEntrySuccess",
      deletedCode: "TYPO_SERVIC",
    });
    expect(await ownerEntries("TYPO_SERVIC")).toBe(0);

    // Used by an encounter (the previous test's), and an item only received into stock.
    await addEntry(coordinator, {
      ...groceryVouchers,
      code: "BABY_FORMULA",
      labelFr: "Lait maternisé",
      labelEn: "Baby formula",
    });
    await coordinator.request<any>(
      `mutation ($input: ReceiveMaterialInput!) { receiveMaterial(input: $input) { __typename } }`,
      { input: { item: "BABY_FORMULA", quantity: 12, source: "DONATION" } },
    );
    for (const code of ["CLOTHING_VOUCHERS", "BABY_FORMULA"]) {
      expect(
        (await entriesOf(coordinator, "MATERIAL", true)).find((entry) => entry.code === code).inUse,
      ).toBe(true);
      const inUse = await coordinator.request<any>(remove, { input: { code } });
      expect(inUse.data?.deleteCatalogueEntry).toEqual({
        __typename: "InputValidationError",
        code: "INPUT_VALIDATION",
        fields: [{ path: "code", code: "IN_USE", message: fieldErrorMessage("fr", "IN_USE") }],
      });
      expect(await ownerEntries(code)).toBe(1);
    }
  });

  it("refuses bad input with a translated field error, writing nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const english = await inEnglish(world.owner.users.coordinator);
    const size = await ownerCatalogueSize();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...groceryVouchers, code: "bons_epicerie" }, "code", "INVALID_FORMAT"],
      [{ ...groceryVouchers, code: "BONS EPICERIE" }, "code", "INVALID_FORMAT"],
      [{ ...groceryVouchers, code: "CONDOMS" }, "code", "CODE_TAKEN"],
      [{ ...groceryVouchers, code: "NO_CATEGORY", category: null }, "category", "REQUIRED"],
      [
        { list: "SERVICE", code: "SHOWER_PLUS", labelFr: "Douche", labelEn: "Shower", category: "HYGIENE" },
        "category",
        "INVALID_VALUE",
      ],
      [{ ...groceryVouchers, code: "NO_NAME", labelFr: "  " }, "labelFr", "REQUIRED"],
      [
        { list: "PLATFORM", code: "JANE_AD", labelFr: "https://leolist.cc/jane-123", labelEn: "LeoList" },
        "labelFr",
        "SITE_NAME_ONLY",
      ],
      [
        { list: "PLATFORM", code: "JANE_IG", labelFr: "Instagram", labelEn: "@jane.doe" },
        "labelEn",
        "SITE_NAME_ONLY",
      ],
    ];
    for (const [input, path, code] of cases) {
      for (const [client, locale] of [
        [coordinator, "fr"],
        [english, "en"],
      ] as const) {
        const refused = await addEntry(client, input);
        expect({ input, refused }).toEqual({
          input,
          refused: {
            __typename: "InputValidationError",
            code: "INPUT_VALIDATION",
            fields: [{ path, code, message: fieldErrorMessage(locale, code as "REQUIRED") }],
          },
        });
      }
    }
    // A platform renamed to someone's handle, and a material item left without its unit.
    const renamed = outcome(
      await coordinator.request<any>(update, {
        input: { code: "LEOLIST", labelFr: "LeoList @jane", labelEn: "LeoList" },
      }),
      "updateCatalogueEntry",
    );
    expect(renamed.fields).toEqual([
      { path: "labelFr", code: "SITE_NAME_ONLY", message: fieldErrorMessage("fr", "SITE_NAME_ONLY") },
    ]);
    const withoutUnit = outcome(
      await coordinator.request<any>(update, {
        input: {
          code: "CONDOMS",
          labelFr: "Condoms",
          labelEn: "Condoms",
          category: "PREVENTION",
          unit: null,
        },
      }),
      "updateCatalogueEntry",
    );
    expect(withoutUnit.fields).toEqual([
      { path: "unit", code: "REQUIRED", message: fieldErrorMessage("fr", "REQUIRED") },
    ]);
    expect(await ownerCatalogueSize()).toBe(size);
    const { rows } = await world.pool.query(
      "SELECT label_fr, unit FROM catalogue_entries WHERE organisation_id = $1 AND code IN ('LEOLIST', 'CONDOMS') ORDER BY code",
      [world.owner.id],
    );
    expect(rows).toEqual([
      { label_fr: "Condoms", unit: "UNIT" },
      { label_fr: "LeoList", unit: null },
    ]);
  });
});

describe("who reads and edits a catalogue", () => {
  it("a worker and a nurse read it but cannot edit it (not found); an admin without a working role reads nothing", async () => {
    for (const user of [world.owner.users.worker, world.owner.users.nurse]) {
      const member = await world.signIn(user);
      expect((await entriesOf(member, "MATERIAL")).map((entry) => entry.code)).toContain("CONDOMS");
      const size = await ownerCatalogueSize();
      expect(await addEntry(member, { ...groceryVouchers, code: "WORKER_ITEM" })).toEqual({
        code: "NOT_FOUND",
      });
      for (const [mutation, field] of [
        [retire, "retireCatalogueEntry"],
        [remove, "deleteCatalogueEntry"],
      ] as const) {
        expect(outcome(await member.request<any>(mutation, { input: { code: "LUBRICANT" } }), field)).toEqual(
          {
            code: "NOT_FOUND",
          },
        );
      }
      expect(await ownerCatalogueSize()).toBe(size);
    }
    const { rows } = await world.pool.query(
      "SELECT retired_at FROM catalogue_entries WHERE organisation_id = $1 AND code = 'LUBRICANT'",
      [world.owner.id],
    );
    expect(rows).toEqual([{ retired_at: null }]);
    const admin = await world.signIn(world.owner.users.admin);
    const answer = await admin.request<any>(catalogue, { list: "MATERIAL" });
    expect(answer.data?.catalogue ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("a partner's coordinator edits only her own organisation's catalogue, through the API and in SQL", async () => {
    const owner = await world.signIn(world.owner.users.coordinator);
    await addEntry(owner, {
      list: "SERVICE",
      code: "OWNER_ONLY",
      labelFr: "Atelier maison",
      labelEn: "Home workshop",
    });
    const partner = await world.signIn(world.partner.users.coordinator);
    // Our own code is not one of hers: not found, and nothing of ours changes.
    for (const [mutation, field] of [
      [retire, "retireCatalogueEntry"],
      [remove, "deleteCatalogueEntry"],
    ] as const) {
      const refused = outcome(await partner.request<any>(mutation, { input: { code: "OWNER_ONLY" } }), field);
      expect(refused.fields).toEqual([
        { path: "code", code: "NOT_FOUND", message: fieldErrorMessage("fr", "NOT_FOUND") },
      ]);
    }
    const renamed = outcome(
      await partner.request<any>(update, {
        input: { code: "OWNER_ONLY", labelFr: "Pris", labelEn: "Taken" },
      }),
      "updateCatalogueEntry",
    );
    expect(renamed.fields?.[0]?.code).toBe("NOT_FOUND");
    // A code both have: hers is retired, ours is not.
    await partner.request<any>(retire, { input: { code: "SHOWER" } });
    const { rows } = await world.pool.query<{ organisation_id: string; retired: boolean }>(
      `SELECT organisation_id, retired_at IS NOT NULL AS retired FROM catalogue_entries
        WHERE code = 'SHOWER' AND organisation_id = ANY ($1::uuid[])`,
      [[world.owner.id, world.partner.id]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.organisation_id, row.retired]))).toEqual({
      [world.owner.id]: false,
      [world.partner.id]: true,
    });
    await partner.request<any>(restore, { input: { code: "SHOWER" } });

    // In SQL as the app role: she reads our names (a partner's indicators and consented
    // summaries are labelled with them) but changes, deletes or adds none of ours.
    const viewer = sqlViewer(world.partner.users.coordinator, world.partner.id, "COORDINATOR");
    const read = await queryAsViewer<{ n: number }>(
      world.pool,
      viewer,
      "SELECT count(*)::int AS n FROM catalogue_entries WHERE organisation_id = $1 AND code = 'OWNER_ONLY'",
      [world.owner.id],
    );
    expect(read).toEqual([{ n: 1 }]);
    const changed = await queryAsViewer(
      world.pool,
      viewer,
      "UPDATE catalogue_entries SET label_fr = 'Pris' WHERE organisation_id = $1 RETURNING code",
      [world.owner.id],
    );
    expect(changed).toEqual([]);
    const removed = await queryAsViewer(
      world.pool,
      viewer,
      "DELETE FROM catalogue_entries WHERE organisation_id = $1 AND code = 'OWNER_ONLY' RETURNING code",
      [world.owner.id],
    );
    expect(removed).toEqual([]);
    await expect(
      queryAsViewer(
        world.pool,
        viewer,
        `INSERT INTO catalogue_entries (organisation_id, list, code, label_fr, label_en)
         VALUES ($1, 'SERVICE', 'PLANTED', 'Planté', 'Planted')`,
        [world.owner.id],
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await ownerEntries("OWNER_ONLY")).toBe(1);
    expect(await ownerEntries("PLANTED")).toBe(0);
  });

  it("an unrelated organisation reads none of it, through the API or in SQL", async () => {
    const stranger = await world.signIn(world.unrelated.users.coordinator);
    const theirs = await entriesOf(stranger, "SERVICE", true);
    // Its own defaults only: none of the owner's additions.
    expect(theirs.map((entry) => entry.code)).toContain("SHOWER");
    expect(theirs.map((entry) => entry.code)).not.toContain("LEGAL_CLINIC");
    for (const [user, role] of [
      [world.unrelated.users.coordinator, "COORDINATOR"],
      [world.unrelated.users.worker, "OUTREACH_WORKER"],
    ] as const) {
      const rows = await queryAsViewer<{ n: number }>(
        world.pool,
        sqlViewer(user, world.unrelated.id, role),
        "SELECT count(*)::int AS n FROM catalogue_entries WHERE organisation_id = $1",
        [world.owner.id],
      );
      expect(rows).toEqual([{ n: 0 }]);
    }
  });
});

describe("a code shared across a partnership", () => {
  it("groups two organisations' items of the same code in the committee's figures", async () => {
    const fiscalYear = 2023;
    const { from } = fiscalYearBounds(fiscalYear, defaultProgrammeSettings);
    const labels = { labelFr: "Trousses de fentanyl", category: "DRUG_USE", unit: "KIT" };
    const owner = await world.signIn(world.owner.users.coordinator);
    const partner = await world.signIn(world.partner.users.coordinator);
    for (const [client, labelEn] of [
      [owner, "Fentanyl test strips"],
      [partner, "Fentanyl kits"],
    ] as const) {
      const added = await addEntry(client, { list: "MATERIAL", code: "FENTANYL_STRIPS", ...labels, labelEn });
      expect(added.__typename).toBe("AddCatalogueEntrySuccess");
    }
    // Handed out that year: 6 by the owner, 7 by the partner (over the small-cell threshold together).
    for (const [organisationId, authorId, quantity] of [
      [world.owner.id, world.owner.users.worker.id, 6],
      [world.partner.id, world.partner.users.worker.id, 7],
    ] as const) {
      await world.pool.query(
        `WITH e AS (
           INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, themes)
           VALUES ($1, $2, $3::timestamptz + interval '10 days', 'IN_PERSON', 'WORKPLACE', '{}') RETURNING id)
         INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity)
         SELECT id, $1, 'FENTANYL_STRIPS', $4 FROM e`,
        [organisationId, authorId, from, quantity],
      );
    }
    const member = await createUser(world.pool, {
      memberships: [{ organisationId: world.unrelated.id, roles: [] }],
      committeePartnershipIds: [world.partnershipId],
    });
    const committee = await world.signIn(member);
    const indicators = await readPartnership(committee, encodeGlobalID("Partnership", world.partnershipId), {
      fiscalYear,
    });
    expect(indicators.suppressed).toBe(true);
    // 13 together, the only item of the year (no small count to protect): shown as it is, with its
    // total, under one name.
    const materials = table(indicators, "materialsByItem");
    expect(
      materials.cells
        .filter((cell) => cell.count !== 0)
        .map(({ key, label, count }) => ({ key, label, count })),
    ).toEqual([{ key: "FENTANYL_STRIPS", label: "Trousses de fentanyl", count: 13 }]);
    expect(materials.denominatorCount).toBe(13);
    expect(figure(indicators, "itemsHandedOut").value).toBe(13);
  });
});
