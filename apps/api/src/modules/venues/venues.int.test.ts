import { encodeGlobalID } from "@pothos/plugin-relay";
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

describe("venue changes and archiving", () => {
  const update = `mutation ($input: UpdateVenueInput!) {
    updateVenue(input: $input) { __typename ... on UpdateVenueSuccess { venue { name kind visitCadenceDays address agreements } } ... on AppError { code } }
  }`;
  const archive = `mutation ($input: ArchiveVenueInput!) {
    archiveVenue(input: $input) { __typename ... on ArchiveVenueSuccess { venue { archivedAt } } ... on AppError { code } }
  }`;
  const restore = `mutation ($input: RestoreVenueInput!) {
    restoreVenue(input: $input) { __typename ... on RestoreVenueSuccess { venue { archivedAt } } ... on AppError { code } }
  }`;
  const names =
    "query ($archived: Boolean) { venues(first: 50, archived: $archived) { edges { node { name } } } }";
  const listed = async (client: Awaited<ReturnType<typeof world.signIn>>, archived?: boolean) =>
    ((await client.request<any>(names, { archived })).data?.venues.edges ?? []).map((e: any) => e.node.name);

  async function newVenue(name: string) {
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO venues (organisation_id, name, kind, visit_cadence_days, address)
       VALUES ($1, $2, 'DANCERS_BAR', 7, '5 rue du Bar') RETURNING id`,
      [world.owner.id, name],
    );
    const id = onlyRow(rows).id;
    return { id, globalId: encodeGlobalID("Venue", id) };
  }
  const venueRow = async (id: string) =>
    onlyRow(
      (
        await world.pool.query(
          "SELECT name, kind, visit_cadence_days, address, archived_at, archived_by_id FROM venues WHERE id = $1",
          [id],
        )
      ).rows,
    );

  it("changes only the fields given; a nurse, a partner or an unrelated coordinator changes nothing", async () => {
    const venue = await newVenue("Bar Étoile");
    const worker = await world.signIn(world.owner.users.worker);
    const changed = await worker.request<any>(update, {
      input: {
        id: venue.globalId,
        name: "Bar L'Étoile",
        visitCadenceDays: null,
        agreements: "Entrée par la cour",
      },
    });
    expect(changed.data?.updateVenue.venue).toEqual({
      name: "Bar L'Étoile",
      kind: "DANCERS_BAR",
      visitCadenceDays: null,
      address: "5 rue du Bar",
      agreements: "Entrée par la cour",
    });
    const before = await venueRow(venue.id);
    for (const user of [world.owner.users.nurse, world.owner.users.admin, world.partner.users.coordinator]) {
      const client = await world.signIn(user);
      const refused = await client.request<any>(update, { input: { id: venue.globalId, name: "Pris" } });
      expect(refused.data?.updateVenue?.code ?? refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const bad = await worker.request<any>(update, { input: { id: venue.globalId, visitCadenceDays: 0 } });
    expect(bad.data?.updateVenue.__typename).toBe("InputValidationError");
    expect(await venueRow(venue.id)).toEqual(before);
  });

  it("archives a venue out of the lists, keeps its encounters pointing at it, and restores it", async () => {
    const venue = await newVenue("Bar Saphir");
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, themes)
       VALUES ($1, $2, now() - interval '1 day', 'IN_PERSON', 'BAR', $3, '{}') RETURNING id`,
      [world.owner.id, world.owner.users.worker.id, venue.id],
    );
    const encounter = encodeGlobalID("Encounter", onlyRow(rows).id);
    const coordinator = await world.signIn(world.owner.users.coordinator);
    expect(await listed(coordinator)).toContain("Bar Saphir");

    const partner = await world.signIn(world.partner.users.coordinator);
    const refused = await partner.request<any>(archive, { input: { id: venue.globalId } });
    expect(refused.data?.archiveVenue.code).toBe("NOT_FOUND");
    expect((await venueRow(venue.id)).archived_at).toBeNull();

    const archived = await coordinator.request<any>(archive, { input: { id: venue.globalId } });
    expect(archived.data?.archiveVenue.venue.archivedAt).toEqual(expect.any(String));
    expect((await venueRow(venue.id)).archived_by_id).toBe(world.owner.users.coordinator.id);
    expect(await listed(coordinator)).not.toContain("Bar Saphir");
    expect(await listed(coordinator, true)).toEqual(["Bar Saphir"]);
    const worker = await world.signIn(world.owner.users.worker);
    const kept = await worker.request<any>(
      `{ e: node(id: "${encounter}") { ... on Encounter { venueId } } v: node(id: "${venue.globalId}") { ... on Venue { name archivedAt } } }`,
    );
    expect(kept.data).toEqual({
      e: { venueId: venue.globalId },
      v: { name: "Bar Saphir", archivedAt: expect.any(String) },
    });
    const audit = await world.pool.query(
      "SELECT action, user_id FROM audit_events WHERE record_id = $1 ORDER BY id",
      [venue.id],
    );
    expect(audit.rows).toEqual([{ action: "VENUE_ARCHIVED", user_id: world.owner.users.coordinator.id }]);

    const restored = await worker.request<any>(restore, { input: { id: venue.globalId } });
    expect(restored.data?.restoreVenue.venue.archivedAt).toBeNull();
    expect(await listed(worker)).toContain("Bar Saphir");
    expect(await listed(worker, true)).toEqual([]);
  });
});
