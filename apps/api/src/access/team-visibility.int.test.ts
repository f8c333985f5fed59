/**
 * DESIGN.md §3 rule 1: an organisation that restricts team visibility shows a worker only her
 * own records and those of persons she follows; a coordinator still sees the team's. Asserted
 * through GraphQL and through SQL as the app role (row-level security alone).
 */
import "@maillage/db/testing/provided-context";
import type { Role } from "@maillage/db";
import {
  adminPool,
  createEncounter,
  createOrganisation,
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

let server: TestServer;
let pool: pg.Pool;
let organisationId: string;
const users = {} as Record<"w1" | "w2" | "coordinator" | "nurse", TestUser>;
const persons = {} as Record<"ownP1" | "colleagueP2" | "followedP3", string>;
const encounters = {} as Record<"colleagueOnP2" | "colleagueOnP3" | "colleagueAnonymous" | "ownOnP2", string>;
const accompaniments = {} as Record<"colleagueOnP2" | "colleagueOnP3", string>;
const roleOf: Record<keyof typeof users, Role> = {
  w1: "OUTREACH_WORKER",
  w2: "OUTREACH_WORKER",
  coordinator: "COORDINATOR",
  nurse: "NURSE",
};

async function insertId(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  return onlyRow(rows).id;
}

async function signIn(user: TestUser): Promise<TestClient> {
  return TestClient.signedIn(server.url, user);
}

function asViewer(key: keyof typeof users) {
  return { userId: users[key].id, organisationId, roles: [roleOf[key]] };
}

async function idsAs(key: keyof typeof users, table: string): Promise<Set<string>> {
  const rows = await queryAsViewer<{ id: string }>(
    pool,
    asViewer(key),
    `SELECT id FROM ${table} WHERE organisation_id = $1`,
    [organisationId],
  );
  return new Set(rows.map((row) => row.id));
}

beforeAll(async () => {
  server = await startTestServer();
  pool = adminPool(server.databaseUrl);
  organisationId = (await createOrganisation(pool, { name: "Organisme discret" })).id;
  await pool.query("UPDATE organisations SET restrict_team_visibility = true WHERE id = $1", [
    organisationId,
  ]);
  for (const key of Object.keys(roleOf) as (keyof typeof users)[]) {
    users[key] = await createUser(pool, { memberships: [{ organisationId, roles: [roleOf[key]] }] });
  }
  const person = async (alias: string, createdBy: TestUser, legalName?: string) => {
    const created = await createPerson(pool, { organisationId, alias, birthYear: 1990, legalName });
    await pool.query("UPDATE persons SET created_by_id = $2 WHERE id = $1", [created.id, createdBy.id]);
    return created.id;
  };
  persons.ownP1 = await person("Ariane", users.w1);
  persons.colleagueP2 = await person("Jasmine", users.w2, "Nom de Jasmine");
  persons.followedP3 = await person("Léa", users.coordinator);
  await pool.query("INSERT INTO person_followers (person_id, user_id, organisation_id) VALUES ($1, $2, $3)", [
    persons.followedP3,
    users.w1.id,
    organisationId,
  ]);
  const encounter = async (author: TestUser, personId?: string) =>
    (await createEncounter(pool, { organisationId, authorId: author.id, personId, note: "Note d'équipe" }))
      .id;
  encounters.colleagueOnP2 = await encounter(users.w2, persons.colleagueP2);
  encounters.colleagueOnP3 = await encounter(users.w2, persons.followedP3);
  encounters.colleagueAnonymous = await encounter(users.w2);
  encounters.ownOnP2 = await encounter(users.w1, persons.colleagueP2);
  const accompaniment = (personId: string) =>
    insertId(
      `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
       VALUES ($1, $2, $3, 'HOUSING', now() + interval '1 day') RETURNING id`,
      [organisationId, personId, users.w2.id],
    );
  accompaniments.colleagueOnP2 = await accompaniment(persons.colleagueP2);
  accompaniments.colleagueOnP3 = await accompaniment(persons.followedP3);
  await pool.query(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
     VALUES ($1, $2, $1, '{PROFILE}', $3)`,
    [organisationId, persons.colleagueP2, users.w2.id],
  );
});
afterAll(async () => {
  await server.stop();
});

const lookups = `query ($p1: ID!, $p2: ID!, $p3: ID!, $e1: ID!, $e2: ID!, $e3: ID!, $e4: ID!, $a1: ID!, $a2: ID!) {
  p1: node(id: $p1) { id } p2: node(id: $p2) { id } p3: node(id: $p3) { id }
  e1: node(id: $e1) { id } e2: node(id: $e2) { id } e3: node(id: $e3) { id }
  e4: node(id: $e4) { id ... on Encounter { person { id } } }
  a1: node(id: $a1) { id } a2: node(id: $a2) { id }
  persons(first: 50) { edges { node { alias legalName } } }
}`;
function lookupVariables() {
  return {
    p1: encodeGlobalID("Person", persons.ownP1),
    p2: encodeGlobalID("Person", persons.colleagueP2),
    p3: encodeGlobalID("Person", persons.followedP3),
    e1: encodeGlobalID("Encounter", encounters.colleagueOnP2),
    e2: encodeGlobalID("Encounter", encounters.colleagueOnP3),
    e3: encodeGlobalID("Encounter", encounters.colleagueAnonymous),
    e4: encodeGlobalID("Encounter", encounters.ownOnP2),
    a1: encodeGlobalID("Accompaniment", accompaniments.colleagueOnP2),
    a2: encodeGlobalID("Accompaniment", accompaniments.colleagueOnP3),
  };
}

describe("an organisation that restricts team visibility", () => {
  it("shows a worker her own records and those of the persons she follows, through GraphQL", async () => {
    const w1 = await signIn(users.w1);
    const result = await w1.request<any>(lookups, lookupVariables());
    const seen = Object.fromEntries(
      ["p1", "p2", "p3", "e1", "e2", "e3", "e4", "a1", "a2"].map((key) => [key, result.data?.[key] != null]),
    );
    expect(seen).toEqual({
      p1: true,
      p2: false,
      p3: true,
      e1: false,
      e2: true,
      e3: false,
      e4: true,
      a1: false,
      a2: true,
    });
    // Her own encounter with a colleague's person does not open that person's file.
    expect(result.data?.e4.person).toBeNull();
    expect(result.data?.persons.edges.map((e: any) => e.node)).toEqual([
      { alias: "Ariane", legalName: null },
      { alias: "Léa", legalName: null },
    ]);
  });

  it("a coordinator still sees the team's; a nurse only what she follows", async () => {
    const coordinator = await signIn(users.coordinator);
    const result = await coordinator.request<any>(lookups, lookupVariables());
    for (const key of ["p1", "p2", "p3", "e1", "e2", "e3", "e4", "a1", "a2"])
      expect(result.data?.[key] ?? null, key).not.toBeNull();
    expect(result.data?.persons.edges.map((e: any) => e.node.legalName)).toContain("Nom de Jasmine");
    const nurse = await signIn(users.nurse);
    expect(
      (await nurse.request<any>("{ persons(first: 50) { edges { node { id } } } }")).data?.persons.edges,
    ).toEqual([]);
  });

  it("holds in row-level security too", async () => {
    expect(await idsAs("w1", "persons")).toEqual(new Set([persons.ownP1, persons.followedP3]));
    expect(await idsAs("w1", "encounters")).toEqual(new Set([encounters.colleagueOnP3, encounters.ownOnP2]));
    expect(await idsAs("w1", "accompaniments")).toEqual(new Set([accompaniments.colleagueOnP3]));
    expect(await idsAs("w1", "consents")).toEqual(new Set());
    expect(await idsAs("nurse", "persons")).toEqual(new Set());
    expect((await idsAs("coordinator", "persons")).size).toBe(3);
    expect((await idsAs("coordinator", "encounters")).size).toBe(4);
    // Hers, and w1's with Jasmine, whose file w2 opened.
    expect((await idsAs("w2", "encounters")).size).toBe(4);
    const noteOf = (key: keyof typeof users, encounterId: string) =>
      queryAsViewer(pool, asViewer(key), "SELECT body FROM encounter_notes WHERE encounter_id = $1", [
        encounterId,
      ]);
    expect(await noteOf("w1", encounters.colleagueOnP2)).toEqual([]);
    expect(await noteOf("w1", encounters.colleagueOnP3)).toHaveLength(1);
    const legalName = (key: keyof typeof users) =>
      queryAsViewer(pool, asViewer(key), "SELECT legal_name FROM person_legal_names WHERE person_id = $1", [
        persons.colleagueP2,
      ]);
    expect(await legalName("w1")).toEqual([]);
    expect(await legalName("coordinator")).toEqual([{ legal_name: "Nom de Jasmine" }]);
  });

  it("flags as possible duplicates only files the worker may see", async () => {
    const create = `mutation ($input: CreatePersonInput!) {
      createPerson(input: $input) { __typename ... on CreatePersonSuccess { person { id } possibleDuplicates { alias } } }
    }`;
    const w1 = await signIn(users.w1);
    const mine = await w1.request<any>(create, { input: { alias: "Jasmine", birthYear: 1990 } });
    expect(mine.data?.createPerson.__typename).toBe("CreatePersonSuccess");
    expect(mine.data?.createPerson.possibleDuplicates).toEqual([]);
    const coordinator = await signIn(users.coordinator);
    const theirs = await coordinator.request<any>(create, { input: { alias: "Jasmine", birthYear: 1990 } });
    expect(theirs.data?.createPerson.possibleDuplicates).toEqual([
      { alias: "Jasmine" },
      { alias: "Jasmine" },
    ]);
  });

  it("a coordinator sets who follows a person, audited; a worker cannot", async () => {
    const follow = `mutation ($input: SetPersonFollowersInput!) {
      setPersonFollowers(input: $input) { __typename ... on SetPersonFollowersSuccess { person { alias } } ... on AppError { code } ... on InputValidationError { fields { path code } } }
    }`;
    const input = {
      personId: encodeGlobalID("Person", persons.colleagueP2),
      userIds: [users.w2.id, users.w1.id],
    };
    const w2 = await signIn(users.w2);
    expect((await w2.request<any>(follow, { input })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const coordinator = await signIn(users.coordinator);
    const outsider = await createUser(pool, {});
    const refused = await coordinator.request<any>(follow, { input: { ...input, userIds: [outsider.id] } });
    expect(refused.data?.setPersonFollowers).toEqual({
      __typename: "InputValidationError",
      code: "INPUT_VALIDATION",
      fields: [{ path: "userIds.0", code: "NOT_FOUND" }],
    });
    const done = await coordinator.request<any>(follow, { input });
    expect(done.data?.setPersonFollowers).toEqual({
      __typename: "SetPersonFollowersSuccess",
      person: { alias: "Jasmine" },
    });
    const { rows } = await pool.query(
      "SELECT user_id FROM audit_events WHERE action = 'PERSON_FOLLOWERS_CHANGED' AND record_id = $1",
      [persons.colleagueP2],
    );
    expect(rows).toEqual([{ user_id: users.coordinator.id }]);
    const w1 = await signIn(users.w1);
    const now = await w1.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on Person { alias legalName } } }`,
      {
        id: input.personId,
      },
    );
    expect(now.data?.node).toEqual({ alias: "Jasmine", legalName: "Nom de Jasmine" });
    expect(await idsAs("w1", "persons")).toContain(persons.colleagueP2);
  });
});
