import { beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();
beforeAll(async () => {
  // A venue visited on cadence: never overdue while its last visit is recent enough.
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days) VALUES ($1, 'Salon Lotus', 'MASSAGE_PARLOUR', 7) RETURNING id`,
    [world.owner.id],
  );
  await world.pool.query(
    `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes)
     VALUES ($1, $2, now() - interval '2 days', 'IN_PERSON', 'WORKPLACE', $3, '{}')`,
    [world.owner.id, world.owner.users.worker.id, onlyRow(rows).id],
  );
});

describe("venues", () => {
  it("shows the last visit from encounters and flags a venue whose cadence has passed", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const query = "{ venues(first: 10) { edges { node { name lastVisitAt overdue visitCadenceDays } } } }";
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, confidential, address)
       VALUES ($1, 'Agence Rubis', 'ESCORT_AGENCY', 14, true, '12 rue Cachée') RETURNING id`,
      [world.owner.id],
    );
    await world.pool.query(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes)
       VALUES ($1, $2, now() - interval '20 days', 'IN_PERSON', 'WORKPLACE', $3, '{}')`,
      [world.owner.id, world.owner.users.worker.id, onlyRow(rows).id],
    );
    const venues = (await worker.request<any>(query)).data?.venues.edges.map((e: any) => e.node);
    const rubis = venues.find((v: any) => v.name === "Agence Rubis");
    const lotus = venues.find((v: any) => v.name === "Salon Lotus");
    expect(rubis.overdue).toBe(true);
    expect(new Date(rubis.lastVisitAt).getTime()).toBeLessThan(Date.now() - 19 * 86_400_000);
    expect(lotus.overdue).toBe(false);
    const partner = await world.signIn(world.partner.users.coordinator);
    expect((await partner.request<any>(query)).data?.venues.edges).toEqual([]);
  });
});

describe("venue creation", () => {
  it("creates a venue for the organisation and refuses bad input without writing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const create = `mutation ($input: CreateVenueInput!) {
      createVenue(input: $input) { __typename ... on CreateVenueSuccess { venue { name kind visitCadenceDays confidential address } } ... on InputValidationError { fields { path code } } }
    }`;
    const created = await worker.request<any>(create, {
      input: {
        name: "Hôtel du Quai",
        kind: "HOTEL",
        visitCadenceDays: 30,
        confidential: true,
        address: "1 rue du Quai",
      },
    });
    expect(created.data?.createVenue.venue).toEqual({
      name: "Hôtel du Quai",
      kind: "HOTEL",
      visitCadenceDays: 30,
      confidential: true,
      address: "1 rue du Quai",
    });
    const before = (
      await world.pool.query("SELECT count(*)::int AS n FROM venues WHERE organisation_id = $1", [
        world.owner.id,
      ])
    ).rows[0].n;
    const bad = await worker.request<any>(create, {
      input: { name: "", kind: "HOTEL", visitCadenceDays: 0 },
    });
    expect(bad.data?.createVenue.fields.map((f: any) => `${f.path}:${f.code}`)).toEqual([
      "name:REQUIRED",
      "visitCadenceDays:TOO_SMALL",
    ]);
    expect(
      (
        await world.pool.query("SELECT count(*)::int AS n FROM venues WHERE organisation_id = $1", [
          world.owner.id,
        ])
      ).rows[0].n,
    ).toBe(before);
    const nurse = await world.signIn(world.owner.users.nurse);
    expect(
      (await nurse.request<any>(create, { input: { name: "X", kind: "HOTEL" } })).errors?.[0]?.extensions
        ?.code,
    ).toBe("NOT_FOUND");
  });
});
