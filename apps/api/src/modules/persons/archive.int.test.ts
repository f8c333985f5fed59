import { createEncounter, createPerson } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const archive = `mutation ($input: ArchivePersonInput!) {
  archivePerson(input: $input) { __typename ... on ArchivePersonSuccess { person { archivedAt } } ... on AppError { code } }
}`;
const restore = `mutation ($input: RestorePersonInput!) {
  restorePerson(input: $input) { __typename ... on RestorePersonSuccess { person { archivedAt } } ... on AppError { code } }
}`;
const search = `query ($search: String, $includeArchived: Boolean) {
  persons(first: 20, search: $search, includeArchived: $includeArchived) { edges { node { alias archivedAt } } }
}`;

describe("archiving a person's file", () => {
  it("takes the file out of the caseload, keeps it readable with its history, audits the reason, restores it", async () => {
    const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Capucine" });
    await createEncounter(world.pool, {
      organisationId: world.owner.id,
      authorId: world.owner.users.worker.id,
      personId: person.id,
    });
    const id = encodeGlobalID("Person", person.id);
    const worker = await world.signIn(world.owner.users.worker);
    const aliases = async (includeArchived?: boolean) =>
      (await worker.request<any>(search, { search: "capucine", includeArchived })).data?.persons.edges.map(
        (e: any) => e.node.alias,
      );
    expect(await aliases()).toEqual(["Capucine"]);

    const archived = await worker.request<any>(archive, { input: { id, reason: "A déménagé" } });
    expect(archived.data?.archivePerson.person.archivedAt).toEqual(expect.any(String));
    expect(await aliases()).toEqual([]);
    expect(await aliases(true)).toEqual(["Capucine"]);
    const file = await worker.request<any>(
      `{ person(id: "${id}") { alias archivedAt encounters(first: 5) { edges { node { id } } } } }`,
    );
    expect(file.data?.person).toMatchObject({ alias: "Capucine", archivedAt: expect.any(String) });
    expect(file.data?.person.encounters.edges).toHaveLength(1);
    const row = onlyRow(
      (await world.pool.query("SELECT archived_by_id FROM persons WHERE id = $1", [person.id])).rows,
    );
    expect(row.archived_by_id).toBe(world.owner.users.worker.id);

    const restored = await worker.request<any>(restore, { input: { id } });
    expect(restored.data?.restorePerson.person.archivedAt).toBeNull();
    expect(await aliases()).toEqual(["Capucine"]);
    const audit = await world.pool.query(
      "SELECT action, details FROM audit_events WHERE record_id = $1 AND action LIKE 'PERSON_%' ORDER BY id",
      [person.id],
    );
    expect(audit.rows).toEqual([
      { action: "PERSON_ARCHIVED", details: { reason: "A déménagé" } },
      { action: "PERSON_RESTORED", details: null },
    ]);
  });

  it("is refused to a nurse, an admin, a partner and an unrelated organisation, writing nothing", async () => {
    const person = await createPerson(world.pool, { organisationId: world.owner.id, alias: "Mirabelle" });
    const id = encodeGlobalID("Person", person.id);
    for (const user of [
      world.owner.users.nurse,
      world.owner.users.admin,
      world.partner.users.coordinator,
      world.unrelated.users.worker,
    ]) {
      const client = await world.signIn(user);
      const refused = await client.request<any>(archive, { input: { id } });
      expect(refused.data?.archivePerson?.code ?? refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const row = onlyRow(
      (await world.pool.query("SELECT archived_at FROM persons WHERE id = $1", [person.id])).rows,
    );
    expect(row.archived_at).toBeNull();
  });
});
