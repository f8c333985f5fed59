/**
 * An accompaniment's free-text outcome ("Audience reportée, elle a peur de son ex") is read like
 * its note (DESIGN.md §3): the owning organisation's workers and coordinators only. A consented
 * partner sees the accompaniment (destination, time, status) and never the outcome — safe-contact
 * preferences are the only free text a partner gets. Asserted role × relation, through GraphQL
 * and through SQL as the app role with the viewer set (row-level security alone), in the style
 * of permission-matrix.int.test.ts. The outcome is written by closeAccompaniment, as in use.
 */
import "@maillage/db/testing/provided-context";
import type { Role } from "@maillage/db";
import {
  adminPool,
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
  queryAsViewer,
  type TestUser,
} from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../testing/graphql-client.ts";
import { onlyRow } from "../testing/rows.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

const roles = ["W", "N", "C", "A"] as const;
type MatrixRole = (typeof roles)[number];
const relations = [
  "own organisation",
  "partner, active consent",
  "partner, expired consent",
  "unrelated organisation",
] as const;
type Relation = (typeof relations)[number];

/** The design's cells: who sees the accompaniment, and who of them reads its outcome. */
const seesAccompaniment: Partial<Record<Relation, MatrixRole[]>> = {
  "own organisation": ["W", "C"],
  "partner, active consent": ["W", "N", "C"],
};
const readsOutcome: Partial<Record<Relation, MatrixRole[]>> = { "own organisation": ["W", "C"] };

const roleNames: Record<MatrixRole, Role> = {
  W: "OUTREACH_WORKER",
  N: "NURSE",
  C: "COORDINATOR",
  A: "ORG_ADMIN",
};
const outcomeText = "Audience reportée, elle a peur de son ex";

let server: TestServer;
let pool: pg.Pool;
let accompanimentId = "";
let personId = "";
const viewers = {} as Record<
  Relation,
  Record<MatrixRole, { user: TestUser; organisationId: string; roles: Role[] }>
>;

const cell = (table: Partial<Record<Relation, MatrixRole[]>>, relation: Relation, role: MatrixRole) =>
  table[relation]?.includes(role) ?? false;

/** Hand-written SQL about the accompaniment ($1), as the app role with this viewer set. */
function sqlAs<R extends pg.QueryResultRow>(relation: Relation, role: MatrixRole, sql: string): Promise<R[]> {
  const viewer = viewers[relation][role];
  return queryAsViewer<R>(
    pool,
    { userId: viewer.user.id, organisationId: viewer.organisationId, roles: viewer.roles },
    sql,
    [accompanimentId],
  );
}

async function signedIn(user: TestUser): Promise<TestClient> {
  return TestClient.signedIn(server.url, user);
}

beforeAll(async () => {
  server = await startTestServer();
  pool = adminPool(server.databaseUrl);
  const organisationIds = {} as Record<Relation, string>;
  for (const relation of relations) {
    organisationIds[relation] = (await createOrganisation(pool, { name: `Outcome ${relation}` })).id;
  }
  const owner = organisationIds["own organisation"];
  await createPartnership(pool, {
    organisationIds: relations.filter((r) => r !== "unrelated organisation").map((r) => organisationIds[r]),
  });
  for (const relation of relations) {
    viewers[relation] = {} as (typeof viewers)[Relation];
    for (const role of roles) {
      const membership = { organisationId: organisationIds[relation], roles: [roleNames[role]] };
      const user = await createUser(pool, { memberships: [membership] });
      viewers[relation][role] = { user, ...membership };
    }
  }
  const worker = viewers["own organisation"].W.user;
  const person = await createPerson(pool, { organisationId: owner, alias: "Issue" });
  personId = person.id;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
     VALUES ($1, $2, $3, 'COURT', now() - interval '2 hours') RETURNING id`,
    [owner, person.id, worker.id],
  );
  accompanimentId = onlyRow(rows).id;
  const consent = (grantee: string, dates: string) =>
    pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id,
         starts_at, expires_at)
       VALUES ($1, $2, $3, '{PROFILE,ACCOMPANIMENTS}'::"SharedRecordKind"[], $4, ${dates})`,
      [owner, person.id, grantee, worker.id],
    );
  await consent(organisationIds["partner, active consent"], "now() - interval '1 day', NULL");
  await consent(
    organisationIds["partner, expired consent"],
    "now() - interval '10 days', now() - interval '1 day'",
  );
  const closed = await (await signedIn(worker)).request<any>(
    `mutation ($input: CloseAccompanimentInput!) {
      closeAccompaniment(input: $input) { __typename ... on CloseAccompanimentSuccess { accompaniment { outcome } } }
    }`,
    { input: { id: encodeGlobalID("Accompaniment", accompanimentId), status: "DONE", outcome: outcomeText } },
  );
  expect(closed.data?.closeAccompaniment).toEqual({
    __typename: "CloseAccompanimentSuccess",
    accompaniment: { outcome: outcomeText },
  });
});

afterAll(async () => {
  await server.stop();
});

describe.each(relations)("%s", (relation) => {
  describe.each(roles)("role %s", (role) => {
    it("GraphQL gives the outcome to the owner's workers and coordinators only", async () => {
      const client = await signedIn(viewers[relation][role].user);
      const result = await client.request<Record<string, any>>(
        `query ($a: ID!, $p: ID!) {
          a: node(id: $a) { ... on Accompaniment { destination outcome } }
          p: person(id: $p) { accompaniments(first: 5) { edges { node { destination outcome } } } }
        }`,
        { a: encodeGlobalID("Accompaniment", accompanimentId), p: encodeGlobalID("Person", personId) },
      );
      for (const error of result.errors ?? []) expect(error.extensions?.code).toBe("NOT_FOUND");
      const seen = cell(seesAccompaniment, relation, role)
        ? { destination: "COURT", outcome: cell(readsOutcome, relation, role) ? outcomeText : null }
        : null;
      expect(result.data?.a ?? null).toEqual(seen);
      // The person's file lists it the same way (the partners here are consented for both).
      const listed = result.data?.p?.accompaniments.edges.map((edge: any) => edge.node) ?? [];
      expect(listed).toEqual(seen ? [seen] : []);
    });

    it("SQL as the app role: no accompaniments row it reads holds the outcome text", async () => {
      const rows = await sqlAs<{ row: string }>(
        relation,
        role,
        "SELECT to_jsonb(a)::text AS row FROM accompaniments a WHERE a.id = $1",
      );
      expect(rows.length).toBe(cell(seesAccompaniment, relation, role) ? 1 : 0);
      expect(rows.filter((row) => row.row.includes("peur de son ex"))).toEqual([]);
    });

    it("SQL as the app role: accompaniment_outcomes answers the owner's workers and coordinators only", async () => {
      const rows = await sqlAs<{ body: string }>(
        relation,
        role,
        "SELECT body FROM accompaniment_outcomes WHERE accompaniment_id = $1",
      );
      expect(rows).toEqual(cell(readsOutcome, relation, role) ? [{ body: outcomeText }] : []);
    });
  });
});

describe("writing the outcome", () => {
  it("a partner who sees the accompaniment writes no outcome for it through SQL", async () => {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
       VALUES ($1, $2, $3, 'HOUSING', now() - interval '1 hour') RETURNING id`,
      [viewers["own organisation"].W.organisationId, personId, viewers["own organisation"].W.user.id],
    );
    const target = onlyRow(rows).id;
    const partner = viewers["partner, active consent"].W;
    const attempt = (organisationId: string) =>
      queryAsViewer(
        pool,
        { userId: partner.user.id, organisationId: partner.organisationId, roles: partner.roles },
        "INSERT INTO accompaniment_outcomes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'Écrit')",
        [target, organisationId],
      );
    // Neither in the owner's name nor in its own (the row must name the accompaniment's owner).
    await expect(attempt(viewers["own organisation"].W.organisationId)).rejects.toThrow(/row-level security/);
    await expect(attempt(partner.organisationId)).rejects.toThrow(/row-level security/);
  });
});

it("covers every cell of roles × relations", () => {
  expect(roles.length * relations.length).toBe(16);
});
