/**
 * The permission test matrix (DESIGN.md §3): every role × relation to the record × record
 * kind, asserted cell by cell through GraphQL (node lookups by global id) and through SQL as
 * the app role with the viewer set (row-level security alone). The expected cells are written
 * out here from the design's table, independently of the permission registry they check.
 */
import "@maillage/db/testing/provided-context";
import type { Role } from "@maillage/db";
import {
  adminPool,
  createEncounter,
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

const roles = ["W", "N", "C", "A", "K"] as const;
type MatrixRole = (typeof roles)[number];
const relations = [
  "own organisation",
  "partner, active consent",
  "partner, expired consent",
  "partner, withdrawn consent",
  "partner, open referral",
  "unrelated organisation",
] as const;
type Relation = (typeof relations)[number];
const kinds = [
  "person",
  "encounter",
  "accompaniment",
  "nurse visit",
  "clinical note",
  "referral",
  "venue (confidential address)",
  "safety alert",
  "audit event",
  "intake assessment",
  "material delivery",
] as const;
type Kind = (typeof kinds)[number];

/** Who sees what: the design's table. Absent cells are hidden. */
const expected: Record<Kind, Partial<Record<Relation, MatrixRole[]>>> = {
  person: {
    "own organisation": ["W", "N", "C"],
    "partner, active consent": ["W", "N", "C"],
    // The referral rests on a consent naming the receiver for the profile only.
    "partner, open referral": ["W", "N", "C"],
  },
  encounter: { "own organisation": ["W", "C"], "partner, active consent": ["W", "N", "C"] },
  accompaniment: { "own organisation": ["W", "C"], "partner, active consent": ["W", "N", "C"] },
  "nurse visit": { "own organisation": ["W", "N", "C"], "partner, active consent": ["W", "N", "C"] },
  "clinical note": { "own organisation": ["N"] },
  referral: { "own organisation": ["W", "N", "C"], "partner, open referral": ["W", "N", "C"] },
  "venue (confidential address)": { "own organisation": ["W", "C"] },
  // Shared with every member organisation of the partnership, whatever the consents.
  "safety alert": {
    "own organisation": ["W", "N", "C"],
    "partner, active consent": ["W", "N", "C"],
    "partner, expired consent": ["W", "N", "C"],
    "partner, withdrawn consent": ["W", "N", "C"],
    "partner, open referral": ["W", "N", "C"],
  },
  "audit event": { "own organisation": ["A", "C"] },
  // A night centre's intake form: the owning organisation's workers and coordinators, never a
  // partner whatever the consent (the partner with an active consent is named for every kind).
  "intake assessment": { "own organisation": ["W", "C"] },
  // The team that hands material out; never a partner, even one consented for every kind.
  "material delivery": { "own organisation": ["W", "C"] },
};

const graphTypes: Record<Kind, string> = {
  person: "Person",
  encounter: "Encounter",
  accompaniment: "Accompaniment",
  "nurse visit": "NurseVisit",
  "clinical note": "ClinicalNote",
  referral: "Referral",
  "venue (confidential address)": "Venue",
  "safety alert": "SafetyAlert",
  "audit event": "AuditEvent",
  "intake assessment": "IntakeAssessment",
  "material delivery": "MaterialDelivery",
};
const tables: Record<Kind, string> = {
  person: "persons",
  encounter: "encounters",
  accompaniment: "accompaniments",
  "nurse visit": "nurse_visits",
  "clinical note": "clinical_notes",
  referral: "referrals",
  "venue (confidential address)": "venues",
  "safety alert": "safety_alerts",
  "audit event": "audit_events",
  "intake assessment": "intake_assessments",
  "material delivery": "material_deliveries",
};
const roleNames: Record<Exclude<MatrixRole, "K">, Role> = {
  W: "OUTREACH_WORKER",
  N: "NURSE",
  C: "COORDINATOR",
  A: "ORG_ADMIN",
};

let server: TestServer;
let pool: pg.Pool;
const records = {} as Record<Kind, string>;
const viewers = {} as Record<
  Relation,
  Record<MatrixRole, { user: TestUser; organisationId: string; roles: Role[] }>
>;
const ownerOrganisation = { id: "" };

async function insert(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  return String(onlyRow(rows).id);
}

beforeAll(async () => {
  server = await startTestServer();
  pool = adminPool(server.databaseUrl);
  const organisationIds = {} as Record<Relation, string>;
  for (const relation of relations) {
    organisationIds[relation] = (await createOrganisation(pool, { name: `Matrix ${relation}` })).id;
  }
  const owner = organisationIds["own organisation"];
  ownerOrganisation.id = owner;
  const partnership = await createPartnership(pool, {
    organisationIds: relations.filter((r) => r !== "unrelated organisation").map((r) => organisationIds[r]),
  });
  for (const relation of relations) {
    const organisationId = organisationIds[relation];
    viewers[relation] = {} as (typeof viewers)[Relation];
    for (const role of roles) {
      const membershipRoles: Role[] = role === "K" ? [] : [roleNames[role]];
      const user = await createUser(pool, {
        memberships: [{ organisationId, roles: membershipRoles }],
        committeePartnershipIds: role === "K" ? [partnership.id] : [],
      });
      viewers[relation][role] = { user, organisationId, roles: membershipRoles };
    }
  }
  const worker = viewers["own organisation"].W.user.id;
  const nurse = viewers["own organisation"].N.user.id;
  const person = await createPerson(pool, {
    organisationId: owner,
    alias: "Matrice",
    legalName: "Nom Légal",
  });
  records.person = person.id;
  records.encounter = (
    await createEncounter(pool, {
      organisationId: owner,
      authorId: worker,
      personId: person.id,
      note: "privée",
    })
  ).id;
  records.accompaniment = await insert(
    `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
     VALUES ($1, $2, $3, 'COURT', now() + interval '2 days') RETURNING id`,
    [owner, person.id, worker],
  );
  await pool.query(
    "INSERT INTO accompaniment_notes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'note')",
    [records.accompaniment, owner],
  );
  records["nurse visit"] = await insert(
    `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
       planned_start, planned_end, status, proposed_by_id)
     VALUES ($1, $2, $3, $1, 'HOME', now() - interval '3 days', now() - interval '3 days' + interval '1 hour',
       'COMPLETED', $3) RETURNING id`,
    [owner, nurse, worker],
  );
  await pool.query("INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)", [
    records["nurse visit"],
    person.id,
  ]);
  await pool.query(
    `INSERT INTO clinical_acts (nurse_visit_id, organisation_id, kind, count) VALUES ($1, $2, 'STBBI_TEST', 1)`,
    [records["nurse visit"], owner],
  );
  records["clinical note"] = await insert(
    `INSERT INTO clinical_notes (nurse_visit_id, organisation_id, person_id, author_id, body, results)
     VALUES ($1, $2, $3, $4, 'Counselling', 'Négatif') RETURNING id`,
    [records["nurse visit"], owner, person.id, nurse],
  );
  const consent = (grantee: string, extra: string) =>
    insert(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id,
         starts_at, expires_at, withdrawn_at)
       VALUES ($1, $2, $3, $4::"SharedRecordKind"[], $5, ${extra}) RETURNING id`,
      [
        owner,
        person.id,
        grantee,
        grantee === organisationIds["partner, open referral"]
          ? ["PROFILE"]
          : ["PROFILE", "ENCOUNTERS_SUMMARY", "ACCOMPANIMENTS", "REFERRALS", "NURSE_VISIT_LOGISTICS"],
        worker,
      ],
    );
  await consent(organisationIds["partner, active consent"], "now() - interval '1 day', NULL, NULL");
  await consent(
    organisationIds["partner, expired consent"],
    "now() - interval '10 days', now() - interval '1 day', NULL",
  );
  await consent(
    organisationIds["partner, withdrawn consent"],
    "now() - interval '10 days', NULL, now() - interval '1 hour'",
  );
  const referralConsent = await consent(
    organisationIds["partner, open referral"],
    "now() - interval '1 day', NULL, NULL",
  );
  records.referral = await insert(
    `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason,
       service_requested, urgency, status)
     VALUES ($1, $2, $3, $4, $5, 'Dépistage', 'Rendez-vous', 'SOON', 'ACCEPTED') RETURNING id`,
    [person.id, owner, worker, organisationIds["partner, open referral"], referralConsent],
  );
  records["venue (confidential address)"] = await insert(
    `INSERT INTO venues (organisation_id, name, kind, confidential, address)
     VALUES ($1, 'Halte', 'NIGHT_CENTRE', true, '123 rue Secrète') RETURNING id`,
    [owner],
  );
  records["safety alert"] = await insert(
    `INSERT INTO safety_alerts (partnership_id, organisation_id, published_by_id, what_happened, area, occurred_on, expires_at)
     VALUES ($1, $2, $3, 'Agression', 'Centre-ville', current_date, now() + interval '10 days') RETURNING id`,
    [partnership.id, owner, viewers["own organisation"].C.user.id],
  );
  records["material delivery"] = await insert(
    `INSERT INTO material_deliveries (organisation_id, person_id, requested_by_id, assigned_to_id)
     VALUES ($1, $2, $3, $3) RETURNING id`,
    [owner, person.id, worker],
  );
  await pool.query(
    `INSERT INTO material_delivery_places (delivery_id, organisation_id, place) VALUES ($1, $2, 'derrière le dépanneur')`,
    [records["material delivery"], owner],
  );
  records["intake assessment"] = await insert(
    `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing, comment)
     VALUES ($1, $2, $3, 'IMMEDIATE', 'privé') RETURNING id`,
    [owner, person.id, worker],
  );
  records["audit event"] = await insert(
    `INSERT INTO audit_events (user_id, organisation_id, action, record_kind, record_id)
     VALUES ($1, $2, 'READ_PERSON_FILE', 'PERSON', $3) RETURNING id`,
    [worker, owner, person.id],
  );
});

afterAll(async () => {
  await server.stop();
});

function visibleFor(kind: Kind, relation: Relation, role: MatrixRole): boolean {
  return expected[kind][relation]?.includes(role) ?? false;
}

const lookups = kinds.map((_kind, index) => `k${index}: node(id: $k${index}) { id }`).join("\n");

describe.each(relations)("%s", (relation) => {
  describe.each(roles)("role %s", (role) => {
    it("GraphQL answers exactly the expected cells", async () => {
      const { user } = viewers[relation][role];
      const client = await TestClient.signedIn(server.url, user);
      const variables = Object.fromEntries(
        kinds.map((kind, index) => [`k${index}`, encodeGlobalID(graphTypes[kind], records[kind])]),
      );
      const declarations = kinds.map((_kind, index) => `$k${index}: ID!`).join(", ");
      const result = await client.request<Record<string, { id: string } | null>>(
        `query (${declarations}) { ${lookups} }`,
        variables,
      );
      expect(result.status).toBe(200);
      const seen = Object.fromEntries(kinds.map((kind, index) => [kind, result.data?.[`k${index}`] != null]));
      const want = Object.fromEntries(kinds.map((kind) => [kind, visibleFor(kind, relation, role)]));
      expect(seen).toEqual(want);
      // Hidden and missing look the same: only NOT_FOUND, never a hint.
      for (const error of result.errors ?? []) expect(error.extensions?.code).toBe("NOT_FOUND");
    });

    it("SQL through the app role answers exactly the expected cells", async () => {
      const viewer = viewers[relation][role];
      const seen: Record<string, boolean> = {};
      for (const kind of kinds) {
        const rows = await queryAsViewer(
          pool,
          { userId: viewer.user.id, organisationId: viewer.organisationId, roles: viewer.roles },
          `SELECT id FROM ${tables[kind]} WHERE id = $1`,
          [kind === "audit event" ? Number(records[kind]) : records[kind]],
        );
        seen[kind] = rows.length === 1;
      }
      const want = Object.fromEntries(kinds.map((kind) => [kind, visibleFor(kind, relation, role)]));
      expect(seen).toEqual(want);
    });
  });
});

describe("what a partner sees of a visible record", () => {
  it("never includes notes, the legal name, clinical notes or results", async () => {
    const { user } = viewers["partner, active consent"].N;
    const client = await TestClient.signedIn(server.url, user);
    const result = await client.request<Record<string, any>>(
      `query ($p: ID!, $e: ID!, $a: ID!, $v: ID!) {
        p: node(id: $p) { ... on Person { alias legalName encounters(first: 5) { edges { node { note themes } } } } }
        e: node(id: $e) { ... on Encounter { note materials { item } } }
        a: node(id: $a) { ... on Accompaniment { note destination } }
        v: node(id: $v) { ... on NurseVisit { acts { kind count } clinicalNotes { body results } } }
      }`,
      {
        p: encodeGlobalID("Person", records.person),
        e: encodeGlobalID("Encounter", records.encounter),
        a: encodeGlobalID("Accompaniment", records.accompaniment),
        v: encodeGlobalID("NurseVisit", records["nurse visit"]),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.p).toEqual({
      alias: "Matrice",
      legalName: null,
      encounters: { edges: [{ node: { note: null, themes: ["SEXUALITY"] } }] },
    });
    expect(result.data?.e.note).toBeNull();
    expect(result.data?.a).toEqual({ note: null, destination: "COURT" });
    expect(result.data?.v).toEqual({ acts: [{ kind: "STBBI_TEST", count: 1 }], clinicalNotes: [] });
  });

  it("the owner's nurse reads the clinical note and results through the visit; the owner's worker gets the acts only", async () => {
    const query = `query ($v: ID!) { v: node(id: $v) { ... on NurseVisit { acts { kind } clinicalNotes { body results } } } }`;
    const variables = { v: encodeGlobalID("NurseVisit", records["nurse visit"]) };
    const nurse = await TestClient.signedIn(server.url, viewers["own organisation"].N.user);
    const asNurse = await nurse.request<Record<string, any>>(query, variables);
    expect(asNurse.data?.v.clinicalNotes).toEqual([{ body: "Counselling", results: "Négatif" }]);
    const worker = await TestClient.signedIn(server.url, viewers["own organisation"].W.user);
    const asWorker = await worker.request<Record<string, any>>(query, variables);
    expect(asWorker.data?.v).toEqual({ acts: [{ kind: "STBBI_TEST" }], clinicalNotes: [] });
  });
});

describe("adversarial requests", () => {
  it("a guessed global id of an existing but hidden record answers exactly like a missing one", async () => {
    const { user } = viewers["unrelated organisation"].C;
    const client = await TestClient.signedIn(server.url, user);
    const query = "query ($id: ID!) { node(id: $id) { id } person(id: $id) { id } }";
    const hidden = await client.request(query, { id: encodeGlobalID("Person", records.person) });
    const missing = await client.request(query, {
      id: encodeGlobalID("Person", "00000000-0000-4000-8000-000000000000"),
    });
    expect(hidden).toMatchObject({ status: missing.status, data: missing.data, errors: missing.errors });
    const malformed = await client.request(query, { id: encodeGlobalID("Person", "1; DROP TABLE persons") });
    expect(malformed.data).toEqual(missing.data);
    // A malformed id names nothing: "not found" at most, never an internal error.
    expect(malformed.errors?.map((error) => error.extensions?.code)).toEqual(["NOT_FOUND"]);
  });

  it("aliases and lists asking for another organisation's rows return none of them", async () => {
    const { user } = viewers["partner, expired consent"].W;
    const client = await TestClient.signedIn(server.url, user);
    const result = await client.request<Record<string, any>>(
      `query ($p: ID!) {
        a: person(id: $p) { alias } b: person(id: $p) { alias } c: node(id: $p) { id }
        list: persons(first: 100, search: "Matrice") { edges { node { id } } }
        venues(first: 100) { edges { node { id address } } }
        alerts: activeSafetyAlerts(first: 10) { edges { node { id } } }
      }`,
      { p: encodeGlobalID("Person", records.person) },
    );
    expect(result.data?.a).toBeNull();
    expect(result.data?.b).toBeNull();
    expect(result.data?.c).toBeNull();
    expect(result.data?.list.edges).toEqual([]);
    expect(result.data?.venues.edges).toEqual([]);
  });

  it("a batched HTTP request is refused outright", async () => {
    const { user } = viewers["unrelated organisation"].W;
    const client = await TestClient.signedIn(server.url, user);
    const result = await client.request(
      "",
      {},
      {
        rawBody: JSON.stringify([
          { query: "{ persons(first: 5) { edges { node { id } } } }" },
          { query: "{ me { csrfToken } }" },
        ]),
      },
    );
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
  });

  it("counting through filters reveals nothing: search and audit filters on another organisation's person", async () => {
    // The owner's log holds reads of this person; another organisation's admin filters on it.
    const admin = viewers["unrelated organisation"].A.user;
    const client = await TestClient.signedIn(server.url, admin);
    const result = await client.request<Record<string, any>>(
      `query ($p: ID!) { auditLog(first: 50, filter: { recordId: $p }) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { p: encodeGlobalID("Person", records.person) },
    );
    expect(result.data?.auditLog.edges).toEqual([]);
    const worker = viewers["unrelated organisation"].W.user;
    const other = await TestClient.signedIn(server.url, worker);
    const found = await other.request<Record<string, any>>(
      `{ persons(first: 1, search: "Matr") { edges { node { id } } pageInfo { hasNextPage } } }`,
    );
    expect(found.data?.persons).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it("a committee member gets no person-level row from any query", async () => {
    const { user } = viewers["own organisation"].K;
    const client = await TestClient.signedIn(server.url, user);
    const result = await client.request<Record<string, any>>(
      `query ($p: ID!) {
        person(id: $p) { id } node(id: $p) { id }
        persons(first: 10) { edges { node { id } } }
        venues(first: 10) { edges { node { id } } }
        auditLog(first: 10) { edges { node { id } } }
      }`,
      { p: encodeGlobalID("Person", records.person) },
    );
    expect(result.data).toBeNull();
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["NOT_FOUND"]));
    const one = await client.request<Record<string, any>>(`query ($p: ID!) { node(id: $p) { id } }`, {
      p: encodeGlobalID("Person", records.person),
    });
    expect(one.data?.node).toBeNull();
  });
});

it("covers every cell of roles × relations × record kinds", () => {
  // 5 × 6 × 11 = 330 cells, each asserted through GraphQL and through SQL.
  expect(roles.length * relations.length * kinds.length).toBe(330);
});
