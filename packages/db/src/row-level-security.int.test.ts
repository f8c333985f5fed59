// Rule 1 of the access model at the SQL level: hand-written queries through the app role, with
// the viewer set as the API sets it, never see another organisation's rows.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import {
  adminPool,
  createEncounter,
  createOrganisation,
  createPerson,
  createUser,
  queryAsViewer,
} from "./factories.ts";

let pool: pg.Pool;
const a = { organisationId: "", workerId: "", nurseId: "", adminId: "", personIds: [] as string[] };
const b = { organisationId: "", workerId: "", personIds: [] as string[] };

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  const orgA = await createOrganisation(pool);
  const orgB = await createOrganisation(pool);
  a.organisationId = orgA.id;
  b.organisationId = orgB.id;
  a.workerId = (
    await createUser(pool, { memberships: [{ organisationId: orgA.id, roles: ["OUTREACH_WORKER"] }] })
  ).id;
  a.nurseId = (await createUser(pool, { memberships: [{ organisationId: orgA.id, roles: ["NURSE"] }] })).id;
  a.adminId = (
    await createUser(pool, { memberships: [{ organisationId: orgA.id, roles: ["ORG_ADMIN"] }] })
  ).id;
  b.workerId = (
    await createUser(pool, { memberships: [{ organisationId: orgB.id, roles: ["OUTREACH_WORKER"] }] })
  ).id;
  for (let i = 0; i < 3; i += 1) {
    const pa = await createPerson(pool, { organisationId: orgA.id, legalName: `Nom légal A${i}` });
    a.personIds.push(pa.id);
    await createEncounter(pool, {
      organisationId: orgA.id,
      authorId: a.workerId,
      personId: pa.id,
      note: "note A",
    });
    const pb = await createPerson(pool, { organisationId: orgB.id, legalName: `Nom légal B${i}` });
    b.personIds.push(pb.id);
    await createEncounter(pool, {
      organisationId: orgB.id,
      authorId: b.workerId,
      personId: pb.id,
      note: "note B",
    });
  }
});

afterAll(async () => {
  // pools are closed with the worker
});

const worker = () => ({
  userId: a.workerId,
  organisationId: a.organisationId,
  roles: ["OUTREACH_WORKER" as const],
});

describe("row-level security, rule 1: the owning organisation only", () => {
  it("a worker of A sees A's persons and none of B's, even asking for B's ids by hand", async () => {
    const all = await queryAsViewer<{ id: string; organisation_id: string }>(
      pool,
      worker(),
      "SELECT id, organisation_id FROM persons WHERE organisation_id = ANY($1::uuid[])",
      [[a.organisationId, b.organisationId]],
    );
    expect(all.map((row) => row.id).sort()).toEqual([...a.personIds].sort());
    const guessed = await queryAsViewer(pool, worker(), "SELECT * FROM persons WHERE id = ANY($1::uuid[])", [
      b.personIds,
    ]);
    expect(guessed).toEqual([]);
    const counted = await queryAsViewer<{ n: number }>(
      pool,
      worker(),
      "SELECT count(*)::int AS n FROM persons WHERE organisation_id = $1",
      [b.organisationId],
    );
    expect(counted[0]?.n).toBe(0);
    const joined = await queryAsViewer(
      pool,
      worker(),
      "SELECT e.id FROM encounters e JOIN encounter_notes n ON n.encounter_id = e.id WHERE e.organisation_id = $1",
      [b.organisationId],
    );
    expect(joined).toEqual([]);
  });

  it("a worker of A cannot write into B", async () => {
    await expect(
      queryAsViewer(
        pool,
        worker(),
        `INSERT INTO persons (organisation_id, alias, alias_search) VALUES ($1, 'x', 'x')`,
        [b.organisationId],
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await queryAsViewer(
      pool,
      worker(),
      "UPDATE persons SET alias = 'pris' WHERE id = ANY($1::uuid[]) RETURNING id",
      [b.personIds],
    );
    expect(updated).toEqual([]);
  });

  it("with no viewer set, nothing is visible", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL ROLE maillage_app");
      for (const table of [
        "persons",
        "encounters",
        "encounter_notes",
        "person_legal_names",
        "audit_events",
      ]) {
        const { rows } = await client.query(`SELECT * FROM ${table}`);
        expect(rows, table).toEqual([]);
      }
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("roles narrow the owning organisation's rows: legal names and notes are not the nurse's; an admin alone sees no file", async () => {
    const nurse = { userId: a.nurseId, organisationId: a.organisationId, roles: ["NURSE" as const] };
    expect(await queryAsViewer(pool, nurse, "SELECT id FROM persons")).toHaveLength(3);
    expect(await queryAsViewer(pool, nurse, "SELECT * FROM person_legal_names")).toEqual([]);
    expect(await queryAsViewer(pool, nurse, "SELECT * FROM encounter_notes")).toEqual([]);
    expect(await queryAsViewer(pool, worker(), "SELECT * FROM person_legal_names")).toHaveLength(3);
    const admin = { userId: a.adminId, organisationId: a.organisationId, roles: ["ORG_ADMIN" as const] };
    expect(await queryAsViewer(pool, admin, "SELECT * FROM persons")).toEqual([]);
  });

  it("the app role cannot read sessions, password hashes or rewrite the audit log", async () => {
    await expect(queryAsViewer(pool, worker(), "SELECT * FROM sessions")).rejects.toThrow(
      /permission denied/,
    );
    await expect(queryAsViewer(pool, worker(), "SELECT password_hash FROM users")).rejects.toThrow(
      /permission denied/,
    );
    await expect(queryAsViewer(pool, worker(), "UPDATE audit_events SET action = 'x'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(queryAsViewer(pool, worker(), "DELETE FROM audit_events")).rejects.toThrow(
      /permission denied/,
    );
  });

  it("keeps cross-organisation helpers to the partnership: notices and busy times of outsiders are out of reach", async () => {
    await expect(
      queryAsViewer(pool, worker(), "INSERT INTO notifications (organisation_id, kind) VALUES ($1, 'X')", [
        b.organisationId,
      ]),
    ).rejects.toThrow(/row-level security/);
    await pool.query(
      `INSERT INTO availability_exceptions (user_id, organisation_id, starts_at, ends_at) VALUES ($1, $2, now(), now() + interval '1 day')`,
      [b.workerId, b.organisationId],
    );
    const busy = await queryAsViewer(
      pool,
      worker(),
      "SELECT * FROM app.commitments($1::uuid[], now() - interval '1 day', now() + interval '2 days')",
      [[b.workerId]],
    );
    expect(busy).toEqual([]);
  });
});
