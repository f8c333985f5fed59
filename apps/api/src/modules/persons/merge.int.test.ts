import { createEncounter, createPerson, queryAsViewer } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";

const world = usePartnershipWorld();

const merge = `mutation ($input: MergePersonsInput!) {
  mergePersons(input: $input) {
    __typename
    ... on MergePersonsSuccess {
      person { id alias legalName }
      mergedId
      moved { encounters accompaniments nurseVisits referrals consents followers legalName }
    }
    ... on AppError { code message }
  }
}`;
const preview = `query ($keepId: ID!, $mergeId: ID!) {
  personMergePreview(keepId: $keepId, mergeId: $mergeId) {
    keep { alias } merge { alias } consentsMatch
    records { encounters accompaniments nurseVisits referrals consents followers legalName }
  }
}`;

const day = 86_400_000;
const everyKind = "{PROFILE,ENCOUNTERS_SUMMARY,ACCOMPANIMENTS,NURSE_VISIT_LOGISTICS}";

/** Every table with a person_id, and how many of its rows name the person. */
async function recordsNaming(personId: string): Promise<Record<string, number>> {
  const tables = [
    "encounters",
    "accompaniments",
    "nurse_visit_persons",
    "referrals",
    "consents",
    "clinical_notes",
    "person_followers",
    "person_legal_names",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = await countOf(
      world.pool,
      `SELECT count(*)::int AS n FROM ${table} WHERE person_id = $1`,
      [personId],
    );
  }
  return counts;
}

async function consent(personId: string, options: { expiresInDays?: number; withdrawn?: boolean } = {}) {
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id,
                           starts_at, expires_at, withdrawn_at)
     VALUES ($1, $2, $3, $4, $5, now() - interval '1 day', $6, $7) RETURNING id`,
    [
      world.owner.id,
      personId,
      world.partner.id,
      everyKind,
      world.owner.users.worker.id,
      options.expiresInDays ? new Date(Date.now() + options.expiresInDays * day) : null,
      options.withdrawn ? new Date(Date.now() - 3_600_000) : null,
    ],
  );
  return onlyRow(rows).id;
}

/** Two files of the owner; the duplicate with one record of every kind. */
async function duplicates(alias: string) {
  const keep = await createPerson(world.pool, { organisationId: world.owner.id, alias: `${alias} A` });
  const dup = await createPerson(world.pool, {
    organisationId: world.owner.id,
    alias: `${alias} B`,
    legalName: "Nom Légal B",
  });
  const worker = world.owner.users.worker;
  await world.pool.query("UPDATE persons SET created_by_id = $2 WHERE id = $1", [dup.id, worker.id]);
  await createEncounter(world.pool, {
    organisationId: world.owner.id,
    authorId: worker.id,
    personId: dup.id,
    note: "Note B",
  });
  await world.pool.query(
    `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
     VALUES ($1, $2, $3, 'COURT', now() + interval '3 days')`,
    [world.owner.id, dup.id, worker.id],
  );
  const nurse = world.partner.users.nurse;
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                               planned_start, planned_end, status, proposed_by_id)
     VALUES ($1, $2, $3, $4, 'HOME', now() - interval '2 days', now() - interval '47 hours', 'COMPLETED', $3)
     RETURNING id`,
    [world.partner.id, nurse.id, worker.id, world.owner.id],
  );
  const visit = onlyRow(rows).id;
  await world.pool.query("INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)", [
    visit,
    dup.id,
  ]);
  await world.pool.query(
    `INSERT INTO clinical_notes (nurse_visit_id, organisation_id, person_id, author_id, body)
     VALUES ($1, $2, $3, $4, 'Counselling')`,
    [visit, world.partner.id, dup.id, nurse.id],
  );
  // The same sharing on both files: the partner sees both today, so merging widens nothing.
  await consent(keep.id);
  const dupConsent = await consent(dup.id);
  await consent(dup.id, { withdrawn: true });
  await world.pool.query(
    `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id,
                            reason, service_requested, urgency)
     VALUES ($1, $2, $3, $4, $5, 'Dépistage', 'Rendez-vous', 'SOON')`,
    [dup.id, world.owner.id, worker.id, world.partner.id, dupConsent],
  );
  await world.pool.query(
    "INSERT INTO person_followers (person_id, user_id, organisation_id) VALUES ($1, $2, $3)",
    [dup.id, worker.id, world.owner.id],
  );
  return {
    keep: { ...keep, globalId: encodeGlobalID("Person", keep.id) },
    dup: { ...dup, globalId: encodeGlobalID("Person", dup.id) },
  };
}

const nothingMoved = {
  encounters: 1,
  accompaniments: 1,
  nurse_visit_persons: 1,
  referrals: 1,
  consents: 2,
  clinical_notes: 1,
  person_followers: 1,
  person_legal_names: 1,
};

describe("merging two persons' files", () => {
  it("moves every record of the duplicate to the kept file in one go, hides the duplicate, audits both ids", async () => {
    const { keep, dup } = await duplicates("Fusion");
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const previewed = await coordinator.request<any>(preview, {
      keepId: keep.globalId,
      mergeId: dup.globalId,
    });
    expect(previewed.data?.personMergePreview).toEqual({
      keep: { alias: "Fusion A" },
      merge: { alias: "Fusion B" },
      consentsMatch: true,
      records: {
        encounters: 1,
        accompaniments: 1,
        nurseVisits: 1,
        referrals: 1,
        consents: 2,
        followers: 1,
        legalName: 1,
      },
    });

    const merged = await coordinator.request<any>(merge, {
      input: { keepId: keep.globalId, mergeId: dup.globalId },
    });
    expect(merged.data?.mergePersons).toEqual({
      __typename: "MergePersonsSuccess",
      person: { id: keep.globalId, alias: "Fusion A", legalName: "Nom Légal B" },
      mergedId: dup.globalId,
      moved: {
        encounters: 1,
        accompaniments: 1,
        nurseVisits: 1,
        referrals: 1,
        consents: 2,
        followers: 1,
        legalName: 1,
      },
    });
    expect(await recordsNaming(dup.id)).toEqual(
      Object.fromEntries(Object.keys(nothingMoved).map((t) => [t, 0])),
    );
    expect(await recordsNaming(keep.id)).toEqual({ ...nothingMoved, consents: 3 });
    const row = onlyRow(
      (await world.pool.query("SELECT merged_into_id, merged_at FROM persons WHERE id = $1", [dup.id])).rows,
    );
    expect(row).toEqual({ merged_into_id: keep.id, merged_at: expect.any(Date) });
    // The encounter's note went with it.
    expect(
      await countOf(
        world.pool,
        "SELECT count(*)::int AS n FROM encounter_notes n JOIN encounters e ON e.id = n.encounter_id WHERE e.person_id = $1",
        [keep.id],
      ),
    ).toBe(1);
    const audit = onlyRow(
      (
        await world.pool.query(
          "SELECT user_id, record_id, details FROM audit_events WHERE action = 'PERSONS_MERGED' AND record_id = $1",
          [keep.id],
        )
      ).rows,
    );
    expect(audit).toEqual({
      user_id: world.owner.users.coordinator.id,
      record_id: keep.id,
      details: {
        keptId: keep.id,
        mergedId: dup.id,
        moved: {
          encounters: 1,
          accompaniments: 1,
          nurseVisits: 1,
          referrals: 1,
          consents: 2,
          clinicalNotes: 1,
          followers: 1,
          legalName: 1,
        },
      },
    });

    // The old id is not found; the lists show the kept file only.
    const worker = await world.signIn(world.owner.users.worker);
    const old = await worker.request<any>(
      `{ node(id: "${dup.globalId}") { id } person(id: "${dup.globalId}") { id } persons(first: 10, search: "fusion") { edges { node { alias encounters(first: 5) { edges { node { id } } } } } } }`,
    );
    expect(old.data?.node).toBeNull();
    expect(old.data?.person).toBeNull();
    expect(old.data?.persons.edges).toEqual([
      { node: { alias: "Fusion A", encounters: { edges: [{ node: { id: expect.any(String) } }] } } },
    ]);
    // The partner saw both files already; it now sees the kept one, nothing more.
    const partner = await world.signIn(world.partner.users.worker);
    const shared = await partner.request<any>(
      `{ a: node(id: "${keep.globalId}") { ... on Person { alias } } b: node(id: "${dup.globalId}") { id } }`,
    );
    expect(shared.data).toEqual({ a: { alias: "Fusion A" }, b: null });
    // A merge is final: the duplicate cannot be merged again, nor the kept file into it.
    const again = await coordinator.request<any>(merge, {
      input: { keepId: dup.globalId, mergeId: keep.globalId },
    });
    expect(again.data?.mergePersons.code).toBe("NOT_FOUND");
  });

  it("moves the duplicate's intake (when the kept file has none) and deliveries; the kept file's intake stands", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const worker = world.owner.users.worker;
    const intake = (personId: string, housing: string) =>
      world.pool.query(
        `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing) VALUES ($1, $2, $3, $4)`,
        [world.owner.id, personId, worker.id, housing],
      );
    const delivery = (personId: string) =>
      world.pool.query(
        `INSERT INTO material_deliveries (organisation_id, person_id, requested_by_id, assigned_to_id)
         VALUES ($1, $2, $3, $3)`,
        [world.owner.id, personId, worker.id],
      );
    // A kept file without an intake receives the duplicate's.
    const first = await duplicates("Accueil");
    await intake(first.dup.id, "IMMEDIATE");
    await delivery(first.dup.id);
    const merged = await coordinator.request<any>(merge, {
      input: { keepId: first.keep.globalId, mergeId: first.dup.globalId },
    });
    expect(merged.data?.mergePersons.__typename).toBe("MergePersonsSuccess");
    const { rows: moved } = await world.pool.query(
      "SELECT housing FROM intake_assessments WHERE person_id = $1",
      [first.keep.id],
    );
    expect(moved).toEqual([{ housing: "IMMEDIATE" }]);
    expect(
      await countOf(world.pool, "SELECT count(*)::int AS n FROM material_deliveries WHERE person_id = $1", [
        first.keep.id,
      ]),
    ).toBe(1);
    // Both files assessed: the kept file's answers stand (one intake per person).
    const second = await duplicates("Accueil bis");
    await intake(second.keep.id, "NONE");
    await intake(second.dup.id, "IMMEDIATE");
    const again = await coordinator.request<any>(merge, {
      input: { keepId: second.keep.globalId, mergeId: second.dup.globalId },
    });
    expect(again.data?.mergePersons.__typename).toBe("MergePersonsSuccess");
    const { rows: kept } = await world.pool.query(
      "SELECT housing FROM intake_assessments WHERE person_id = $1",
      [second.keep.id],
    );
    expect(kept).toEqual([{ housing: "NONE" }]);
  });

  it("is refused to anyone but a coordinator of the owning organisation, across organisations and for the same file", async () => {
    const { keep, dup } = await duplicates("Refus");
    const outsider = await createPerson(world.pool, { organisationId: world.partner.id, alias: "Refus C" });
    const outsiderId = encodeGlobalID("Person", outsider.id);
    const input = { keepId: keep.globalId, mergeId: dup.globalId };
    for (const user of [world.owner.users.worker, world.owner.users.nurse, world.owner.users.admin]) {
      const client = await world.signIn(user);
      expect((await client.request<any>(merge, { input })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const partner = await world.signIn(world.partner.users.coordinator);
    expect((await partner.request<any>(merge, { input })).data?.mergePersons.code).toBe("NOT_FOUND");
    expect(
      (await partner.request<any>(preview, { keepId: keep.globalId, mergeId: dup.globalId })).data
        ?.personMergePreview,
    ).toBeNull();
    const coordinator = await world.signIn(world.owner.users.coordinator);
    for (const refused of [
      { keepId: keep.globalId, mergeId: outsiderId },
      { keepId: outsiderId, mergeId: dup.globalId },
    ]) {
      expect((await coordinator.request<any>(merge, { input: refused })).data?.mergePersons.code).toBe(
        "NOT_FOUND",
      );
    }
    const same = await coordinator.request<any>(merge, {
      input: { keepId: keep.globalId, mergeId: keep.globalId },
    });
    expect(same.data?.mergePersons.code).toBe("INPUT_VALIDATION");
    expect(await recordsNaming(dup.id)).toEqual(nothingMoved);
    const marked = await countOf(
      world.pool,
      "SELECT count(*)::int AS n FROM persons WHERE id = ANY ($1::uuid[]) AND merged_into_id IS NOT NULL",
      [[keep.id, dup.id, outsider.id]],
    );
    expect(marked).toBe(0);
  });

  it("is refused when the files' consents differ (a partner would see more), moving nothing", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    // The duplicate is shared with the partner, the kept file is not.
    const { keep, dup } = await duplicates("Partage");
    await world.pool.query("UPDATE consents SET withdrawn_at = now() WHERE person_id = $1", [keep.id]);
    const previewed = await coordinator.request<any>(preview, {
      keepId: keep.globalId,
      mergeId: dup.globalId,
    });
    expect(previewed.data?.personMergePreview.consentsMatch).toBe(false);
    const refused = await coordinator.request<any>(merge, {
      input: { keepId: keep.globalId, mergeId: dup.globalId },
    });
    expect(refused.data?.mergePersons).toMatchObject({
      __typename: "MergeConsentsDifferError",
      code: "MERGE_CONSENTS_DIFFER",
      message: expect.stringContaining("partenaire"),
    });
    expect(await recordsNaming(dup.id)).toEqual(nothingMoved);

    // Shared on both sides, but for less long on the kept file: merging would lengthen it.
    const other = await duplicates("Durée");
    await world.pool.query(
      "UPDATE consents SET expires_at = now() + interval '10 days' WHERE person_id = $1",
      [other.keep.id],
    );
    const shorter = await coordinator.request<any>(merge, {
      input: { keepId: other.keep.globalId, mergeId: other.dup.globalId },
    });
    expect(shorter.data?.mergePersons.code).toBe("MERGE_CONSENTS_DIFFER");
    expect(await recordsNaming(other.dup.id)).toEqual(nothingMoved);
  });

  it("moves nothing when another mutation of the same operation fails (one transaction)", async () => {
    const { keep, dup } = await duplicates("Atomique");
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const failing = await coordinator.request<any>(
      `mutation ($input: MergePersonsInput!, $bad: ArchivePersonInput!) {
        m: mergePersons(input: $input) { __typename }
        a: archivePerson(input: $bad) { __typename }
      }`,
      {
        input: { keepId: keep.globalId, mergeId: dup.globalId },
        bad: { id: encodeGlobalID("Person", "00000000-0000-4000-8000-000000000000") },
      },
    );
    expect(failing.data).toBeNull();
    expect(failing.errors?.map((e) => e.extensions?.code).sort()).toEqual(["NOT_FOUND", "ROLLED_BACK"]);
    expect(await recordsNaming(dup.id)).toEqual(nothingMoved);
    expect(await recordsNaming(keep.id)).toMatchObject({ consents: 1, encounters: 0 });
  });

  it("lets SQL move the protected records only for the file marked merged in the same transaction", async () => {
    const { keep, dup } = await duplicates("Fonction");
    const coordinator = {
      userId: world.owner.users.coordinator.id,
      organisationId: world.owner.id,
      roles: ["COORDINATOR" as const],
    };
    const call = "SELECT app.move_merged_person_records($1) AS moved";
    // Not marked merged: refused.
    await expect(queryAsViewer(world.pool, coordinator, call, [dup.id])).rejects.toThrow(/no file merged/);
    // Marked by a worker: refused by persons_merged_by_coordinators.
    await expect(
      queryAsViewer(
        world.pool,
        { ...coordinator, userId: world.owner.users.worker.id, roles: ["OUTREACH_WORKER"] },
        "UPDATE persons SET merged_into_id = $2, merged_at = now() WHERE id = $1",
        [dup.id, keep.id],
      ),
    ).rejects.toThrow(/row-level security/);
    // Marked earlier (another transaction): refused.
    await world.pool.query(
      "UPDATE persons SET merged_into_id = $2, merged_at = now() - interval '1 minute' WHERE id = $1",
      [dup.id, keep.id],
    );
    await expect(queryAsViewer(world.pool, coordinator, call, [dup.id])).rejects.toThrow(/no file merged/);
    expect(await recordsNaming(dup.id)).toEqual(nothingMoved);
  });
});
