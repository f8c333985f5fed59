import "@maillage/db/testing/provided-context";
import type { Role } from "@maillage/db";
import {
  adminPool,
  createEncounter,
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
  type TestUser,
} from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { TestClient } from "./graphql-client.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

export interface WorldOrganisation {
  id: string;
  globalId: string;
  users: Record<"worker" | "nurse" | "coordinator" | "admin", TestUser>;
}

export interface PartnershipWorld {
  pool: pg.Pool;
  partnershipId: string;
  owner: WorldOrganisation;
  partner: WorldOrganisation;
  unrelated: WorldOrganisation;
  person: { id: string; globalId: string; alias: string };
  encounterId: string;
  signIn(user: TestUser): Promise<TestClient>;
}

const roleOf = {
  worker: "OUTREACH_WORKER",
  nurse: "NURSE",
  coordinator: "COORDINATOR",
  admin: "ORG_ADMIN",
} as const satisfies Record<string, Role>;

async function organisationWithTeam(pool: pg.Pool, name: string): Promise<WorldOrganisation> {
  const organisation = await createOrganisation(pool, { name });
  const users = {} as WorldOrganisation["users"];
  for (const [key, role] of Object.entries(roleOf) as [keyof typeof roleOf, Role][]) {
    users[key] = await createUser(pool, {
      memberships: [{ organisationId: organisation.id, roles: [role] }],
    });
  }
  return { id: organisation.id, globalId: encodeGlobalID("Organisation", organisation.id), users };
}

/**
 * Two partner organisations in one partnership (sharing everything), an unrelated one, and a
 * person of the owner with one encounter and its note. No consent yet.
 */
export async function createPartnershipWorld(
  serverUrl: string,
  databaseUrl: string,
): Promise<PartnershipWorld> {
  const pool = adminPool(databaseUrl);
  const owner = await organisationWithTeam(pool, "Organisme propriétaire");
  const partner = await organisationWithTeam(pool, "Organisme partenaire");
  const unrelated = await organisationWithTeam(pool, "Organisme sans lien");
  const partnership = await createPartnership(pool, { organisationIds: [owner.id, partner.id] });
  const person = await createPerson(pool, {
    organisationId: owner.id,
    alias: "Éloïse",
    legalName: "Nom Légal",
  });
  const encounter = await createEncounter(pool, {
    organisationId: owner.id,
    authorId: owner.users.worker.id,
    personId: person.id,
    note: "Note interne",
  });
  return {
    pool,
    partnershipId: partnership.id,
    owner,
    partner,
    unrelated,
    person: { ...person, globalId: encodeGlobalID("Person", person.id) },
    encounterId: encounter.id,
    signIn: (user) => TestClient.signedIn(serverUrl, user),
  };
}

/** A file's partnership world, and the test server its clients sign in to. */
export interface PartnershipWorldWithServer extends PartnershipWorld {
  server: TestServer;
}

/**
 * A test server and a fresh partnership world for one test file: the returned object is filled
 * in before the file's first test and the server stopped after its last. A `beforeAll` the file
 * registers after this call runs once the world is made (vitest runs them in order).
 */
export function usePartnershipWorld(): PartnershipWorldWithServer {
  const world = {} as PartnershipWorldWithServer;
  beforeAll(async () => {
    const server = await startTestServer();
    Object.assign(world, await createPartnershipWorld(server.url, server.databaseUrl), { server });
  });
  afterAll(async () => {
    await world.server?.stop();
  });
  return world;
}
