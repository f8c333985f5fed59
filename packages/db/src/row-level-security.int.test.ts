// Rule 1 of the access model at the SQL level: hand-written queries through the app role, with
// the viewer set as the API sets it, never see another organisation's rows.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "./testing/provided-context.ts";
import type pg from "pg";
import type { Role } from "../generated/prisma/enums.ts";
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

/** The id of a new member of the organisation, with one role. */
async function memberId(organisationId: string, role: Role): Promise<string> {
  return (await createUser(pool, { memberships: [{ organisationId, roles: [role] }] })).id;
}

beforeAll(async () => {
  pool = adminPool(inject("databaseUrl"));
  const orgA = await createOrganisation(pool);
  const orgB = await createOrganisation(pool);
  a.organisationId = orgA.id;
  b.organisationId = orgB.id;
  a.workerId = await memberId(orgA.id, "OUTREACH_WORKER");
  a.nurseId = await memberId(orgA.id, "NURSE");
  a.adminId = await memberId(orgA.id, "ORG_ADMIN");
  b.workerId = await memberId(orgB.id, "OUTREACH_WORKER");
  // Three persons in each organisation, each with a legal name and an encounter with a note.
  for (let i = 0; i < 3; i += 1) {
    for (const [side, letter] of [
      [a, "A"],
      [b, "B"],
    ] as const) {
      const { organisationId, workerId } = side;
      const person = await createPerson(pool, { organisationId, legalName: `Nom légal ${letter}${i}` });
      side.personIds.push(person.id);
      await createEncounter(pool, {
        organisationId,
        authorId: workerId,
        personId: person.id,
        note: `note ${letter}`,
      });
    }
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

/** Hand-written SQL as A's outreach worker. */
const asWorker = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
  queryAsViewer<R>(pool, worker(), sql, params);

describe("row-level security, rule 1: the owning organisation only", () => {
  it("a worker of A sees A's persons and none of B's, even asking for B's ids by hand", async () => {
    const all = await asWorker<{ id: string; organisation_id: string }>(
      "SELECT id, organisation_id FROM persons WHERE organisation_id = ANY($1::uuid[])",
      [[a.organisationId, b.organisationId]],
    );
    expect(all.map((row) => row.id).sort()).toEqual([...a.personIds].sort());
    const guessed = await asWorker("SELECT * FROM persons WHERE id = ANY($1::uuid[])", [b.personIds]);
    expect(guessed).toEqual([]);
    const counted = await asWorker<{ n: number }>(
      "SELECT count(*)::int AS n FROM persons WHERE organisation_id = $1",
      [b.organisationId],
    );
    expect(counted[0]?.n).toBe(0);
    const joined = await asWorker(
      "SELECT e.id FROM encounters e JOIN encounter_notes n ON n.encounter_id = e.id WHERE e.organisation_id = $1",
      [b.organisationId],
    );
    expect(joined).toEqual([]);
  });

  it("a worker of A cannot write into B", async () => {
    await expect(
      asWorker(`INSERT INTO persons (organisation_id, alias, alias_search) VALUES ($1, 'x', 'x')`, [
        b.organisationId,
      ]),
    ).rejects.toThrow(/row-level security/);
    const updated = await asWorker(
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
    expect(await asWorker("SELECT * FROM person_legal_names")).toHaveLength(3);
    const admin = { userId: a.adminId, organisationId: a.organisationId, roles: ["ORG_ADMIN" as const] };
    expect(await queryAsViewer(pool, admin, "SELECT * FROM persons")).toEqual([]);
  });

  it("the app role cannot read sessions, password hashes or rewrite the audit log", async () => {
    await expect(asWorker("SELECT * FROM sessions")).rejects.toThrow(/permission denied/);
    await expect(asWorker("SELECT password_hash FROM users")).rejects.toThrow(/permission denied/);
    await expect(asWorker("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(asWorker("DELETE FROM audit_events")).rejects.toThrow(/permission denied/);
  });

  it("keeps cross-organisation helpers to the partnership: notices and busy times of outsiders are out of reach", async () => {
    await expect(
      asWorker("INSERT INTO notifications (organisation_id, kind) VALUES ($1, 'X')", [b.organisationId]),
    ).rejects.toThrow(/row-level security/);
    await pool.query(
      `INSERT INTO availability_exceptions (user_id, organisation_id, starts_at, ends_at) VALUES ($1, $2, now(), now() + interval '1 day')`,
      [b.workerId, b.organisationId],
    );
    const busy = await asWorker(
      "SELECT * FROM app.commitments($1::uuid[], now() - interval '1 day', now() + interval '2 days')",
      [[b.workerId]],
    );
    expect(busy).toEqual([]);
  });
});
