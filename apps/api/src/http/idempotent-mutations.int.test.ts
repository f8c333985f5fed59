/**
 * Every mutation of the schema honours an Idempotency-Key (issue 18): sent twice with one key, it
 * writes once and answers the first answer again; the same key with another body is refused
 * (IDEMPOTENCY_KEY_REUSED) and writes nothing. The mutations are enumerated from the schema, so a
 * new mutation without a case (or a reason) fails "every mutation has a case".
 *
 * The cases reuse the write matrix (access/write-matrix.int.test.ts): its world, and for each
 * mutation the first cell that some viewer is expected to get accepted, with the owner-side query
 * that tells it wrote. The mutations outside the matrix have their cases here. Rows are counted
 * (and digested) over the whole world before and after each request.
 */
import "@maillage/db/testing/provided-context";
import { randomUUID } from "node:crypto";
import { createPerson, createUser } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allows, expectedWrites, isNone, operations, writeKinds } from "../access/write-matrix.expected.ts";
import { schema } from "../schema.ts";
import { TestClient } from "../testing/graphql-client.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { catalogueAttempts } from "../testing/write-matrix-catalogues.ts";
import { deliveryAttempts } from "../testing/write-matrix-deliveries.ts";
import { eveningAttempts } from "../testing/write-matrix-evenings.ts";
import { fieldWorkAttempts } from "../testing/write-matrix-field-work.ts";
import { importAttempts } from "../testing/write-matrix-imports.ts";
import { jointWorkAttempts } from "../testing/write-matrix-joint-work.ts";
import { type AttemptsByKind, exists, present, type Statement } from "../testing/write-matrix-operations.ts";
import { organisationWorkAttempts } from "../testing/write-matrix-organisation-work.ts";
import { programmeSettingsAttempts } from "../testing/write-matrix-programme-settings.ts";
import { mutationDocument, worldDigest, worldRowCounts } from "../testing/write-matrix-runner.ts";
import { shiftReportAttempts } from "../testing/write-matrix-shift-reports.ts";
import { workshopAttempts } from "../testing/write-matrix-workshops.ts";
import {
  createWriteMatrixWorld,
  type MatrixViewer,
  matrixRoles,
  type WriteMatrixWorld,
  writeRelations,
} from "../testing/write-matrix-world.ts";
import { answersHoldingSecrets } from "./idempotency.ts";

const attempts: AttemptsByKind = {
  ...fieldWorkAttempts,
  ...jointWorkAttempts,
  ...organisationWorkAttempts,
  ...programmeSettingsAttempts,
  ...workshopAttempts,
  ...shiftReportAttempts,
  ...catalogueAttempts,
  ...deliveryAttempts,
  ...eveningAttempts,
  ...importAttempts,
};

/** Mutations with no case, and why. */
const notCovered: Record<string, string> = {
  signIn:
    "signed out: the API honours a key only for a signed-in user (keys are a user's), and its answer sets the new session's cookie, which a replay could not give back; a repeat opens a second session (the first, whose cookie never arrived, expires unused)",
  acceptInvitation:
    "signed out, like signIn (it answers a new session's cookie); the invitation is one-time, so a repeat is refused INVITATION_INVALID and joins nobody twice",
  signOut:
    "answers a cookie (never kept, idempotency.ts); once it committed the session is gone, so its repeat is signed out and only clears the cookie again",
  startSecondFactorEnrolment:
    "answers a new authenticator secret, never kept (answersHoldingSecrets): a repeat gives another secret, replacing the unconfirmed one; nothing is on until a code confirms it",
  confirmSecondFactorEnrolment:
    "answers recovery codes, never kept (answersHoldingSecrets); once it committed the factor is on, so a repeat is refused SECOND_FACTOR_ALREADY_ON and writes nothing",
  renewRecoveryCodes:
    "answers recovery codes, never kept (answersHoldingSecrets); its code is spent by the first request, so a repeat is refused SECOND_FACTOR_INVALID and replaces nothing",
  removeSecondFactor:
    "its answer is kept for its key like any signed-in mutation's; no case here: it needs a user with a confirmed factor and a fresh code (second-factor.int.test.ts)",
  resetMemberSecondFactor:
    "its answer is kept for its key like any signed-in mutation's; no case here: it needs a member with a confirmed factor (second-factor.int.test.ts)",
  dryRunImport: "writes nothing (it checks an uploaded file's rows): there is no second write to prevent",
  markNotificationsRead:
    "sets a read time on notices addressed to the viewer: a repeat finds them read (needs a notice from another flow; the key path is the same as every signed-in mutation's)",
  markReferralRead:
    "sets a read time on a referral's notices: a repeat finds them read (needs a notice from another flow; the key path is the same as every signed-in mutation's)",
};

interface Case {
  field: string;
  viewer: MatrixViewer;
  document: string;
  variables: Record<string, unknown>;
  /** An owner-side query answering `{ written: boolean }` after the first request. */
  written: Statement | null;
}

interface Seen {
  firstStatus: number;
  firstTypename: string | undefined;
  firstCode: string | undefined;
  written: boolean | null;
  replayed: string | null;
  sameAnswer: boolean;
  countsUnchangedByRepeat: boolean;
  digestUnchangedByRepeat: boolean;
  reusedStatus: number;
  reusedCode: string | undefined;
  digestUnchangedByReuse: boolean;
  claimKept: boolean;
}

let server: TestServer;
let world: WriteMatrixWorld;
const seen = new Map<string, Seen>();
const cases = new Map<string, Case>();
const clients = new Map<number, TestClient>();

async function clientOf(viewer: MatrixViewer): Promise<TestClient> {
  let client = clients.get(viewer.index);
  if (!client) {
    client = await TestClient.signedIn(server.url, viewer.user);
    clients.set(viewer.index, client);
  }
  return client;
}

/** For each mutation, the first cell some viewer is expected to get accepted, "own organisation" first. */
async function matrixCases(): Promise<Case[]> {
  const found: Case[] = [];
  const relations = ["own organisation", ...writeRelations.filter((r) => r !== "own organisation")] as const;
  for (const kind of writeKinds) {
    for (const operation of operations) {
      const expected = expectedWrites[kind][operation];
      const attempt = attempts[kind]?.[operation]?.graphql;
      if (!expected || !attempt || isNone(expected.graphql)) continue;
      const graphql = expected.graphql;
      const relation = relations.find(
        (r) =>
          (!expected.graphqlRelations || expected.graphqlRelations.only.includes(r)) &&
          matrixRoles.some((role) => allows(graphql, r, role)),
      );
      const role = relation && matrixRoles.find((candidate) => allows(graphql, relation, candidate));
      if (!relation || !role) continue;
      const viewer = world.viewers[relation][role];
      const targets = present(world.graphTargets.get(viewer.index), `targets of viewer ${viewer.index}`);
      const mutation = await attempt({ world, targets, viewer, marker: `idempotence ${kind} ${operation}` });
      if (found.some((c) => c.field === mutation.field) || cases.has(mutation.field)) continue;
      found.push({
        field: mutation.field,
        viewer,
        document: mutationDocument(schema, mutation),
        variables: mutation.variables,
        written: mutation.written,
      });
    }
  }
  return found;
}

const plainCase = (field: string, viewer: MatrixViewer, document: string, variables = {}): Case => ({
  field,
  viewer,
  document,
  variables,
  written: null,
});

/** The mutations outside the matrix: the viewer's own things. */
async function ownThingsCases(): Promise<Case[]> {
  const nurse = world.viewers["own organisation"].N;
  const worker = world.viewers["own organisation"].W;
  const soon = Date.now() + 40 * 86_400_000;
  const absence = {
    input: { startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 3_600_000).toISOString() },
  };
  // One absence for removeAbsence to remove (addAbsence's own case adds another).
  const added = await (await clientOf(nurse)).request<{
    addAbsence: { absence?: { id: string } };
  }>(
    `mutation ($input: AbsenceInput!) { addAbsence(input: $input) { ... on AddAbsenceSuccess { absence { id } } } }`,
    { input: { ...absence.input, reason: "à retirer" } },
  );
  const absenceId = present(added.data?.addAbsence.absence?.id, "an absence to remove");
  // A member of two organisations, to switch between them.
  const twoHats = await createUser(world.pool, {
    memberships: [
      { organisationId: world.ownerId, roles: ["OUTREACH_WORKER"] },
      { organisationId: world.organisations["unrelated organisation"], roles: ["OUTREACH_WORKER"] },
    ],
  });
  const twoHatsViewer: MatrixViewer = {
    ...worker,
    index: 1_000,
    user: twoHats,
    roles: ["OUTREACH_WORKER"],
  };
  const deviceId = randomUUID();
  const typed = (success: string, selection: string) =>
    `__typename ... on ${success} { ${selection} } ... on AppError { code }`;
  // The privacy duties (modules/privacy): the owning organisation's coordinator.
  const coordinator = world.viewers["own organisation"].C;
  const toErase = await createPerson(world.pool, { organisationId: world.ownerId, alias: "Idempotence" });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const incident = {
    whatHappened: "Un téléphone perdu",
    informationInvolved: "Alias",
    informationCategories: ["IDENTITY"],
    occurredFrom: yesterday,
    discoveredOn: yesterday,
    personsAffected: 3,
    personCategories: ["PERSONS_SERVED"],
    seriousHarmRisk: false,
    riskAssessment: "Faible : l'appareil est chiffré.",
  };
  const recorded = await (await clientOf(coordinator)).request<{
    recordConfidentialityIncident: { incident?: { id: string } };
  }>(
    `mutation ($input: RecordConfidentialityIncidentInput!) { recordConfidentialityIncident(input: $input) { ... on RecordConfidentialityIncidentSuccess { incident { id } } } }`,
    { input: incident },
  );
  const incidentId = present(
    recorded.data?.recordConfidentialityIncident.incident?.id,
    "an incident to update",
  );
  return [
    plainCase(
      "setRetentionPeriod",
      coordinator,
      `mutation ($input: SetRetentionPeriodInput!) { setRetentionPeriod(input: $input) { ${typed("SetRetentionPeriodSuccess", "privacySettings { retentionYears }")} } }`,
      { input: { retentionYears: 7 } },
    ),
    {
      ...plainCase(
        "deidentifyPerson",
        coordinator,
        `mutation ($input: DeidentifyPersonInput!) { deidentifyPerson(input: $input) { ${typed("DeidentifyPersonSuccess", "person { deidentifiedAt }")} } }`,
        {
          input: {
            personId: encodeGlobalID("Person", toErase.id),
            reason: "PERSON_REQUEST",
            confirmAlias: toErase.alias,
          },
        },
      ),
      written: exists("SELECT 1 FROM persons WHERE id = $1 AND deidentified_at IS NOT NULL", [toErase.id]),
    },
    plainCase(
      "recordConfidentialityIncident",
      coordinator,
      `mutation ($input: RecordConfidentialityIncidentInput!) { recordConfidentialityIncident(input: $input) { ${typed("RecordConfidentialityIncidentSuccess", "incident { id }")} } }`,
      { input: { ...incident, whatHappened: "Un courriel envoyé au mauvais destinataire" } },
    ),
    plainCase(
      "updateConfidentialityIncident",
      coordinator,
      `mutation ($input: UpdateConfidentialityIncidentInput!) { updateConfidentialityIncident(input: $input) { ${typed("UpdateConfidentialityIncidentSuccess", "incident { id }")} } }`,
      { input: { ...incident, incidentId, personsNotifiedOn: yesterday } },
    ),
    plainCase(
      "setWeeklyAvailability",
      nurse,
      `mutation ($slots: [WeeklySlotInput!]!) { setWeeklyAvailability(slots: $slots) { ${typed("SetWeeklyAvailabilitySuccess", "availability { __typename }")} } }`,
      { slots: [{ weekday: 2, start: "09:00", end: "12:00" }] },
    ),
    plainCase(
      "addAbsence",
      nurse,
      `mutation ($input: AbsenceInput!) { addAbsence(input: $input) { ${typed("AddAbsenceSuccess", "absence { id }")} } }`,
      absence,
    ),
    plainCase(
      "removeAbsence",
      nurse,
      `mutation ($id: ID!) { removeAbsence(id: $id) { ${typed("RemoveAbsenceSuccess", "data")} } }`,
      { id: absenceId },
    ),
    plainCase(
      "switchOrganisation",
      twoHatsViewer,
      `mutation ($input: SwitchOrganisationInput!) { switchOrganisation(input: $input) { ${typed("SwitchOrganisationSuccess", "me { csrfToken }")} } }`,
      {
        input: {
          organisationId: encodeGlobalID("Organisation", world.organisations["unrelated organisation"]),
        },
      },
    ),
    plainCase("rotateCalendarFeed", nurse, "mutation { rotateCalendarFeed { __typename path } }"),
    plainCase(
      "openDeviceVault",
      worker,
      `mutation ($input: DeviceInput!) { openDeviceVault(input: $input) { ${typed("OpenDeviceVaultSuccess", "vault { expiresAt }")} } }`,
      { input: { deviceId } },
    ),
    {
      ...plainCase(
        "forgetDevice",
        worker,
        `mutation ($input: DeviceInput!) { forgetDevice(input: $input) { ${typed("ForgetDeviceSuccess", "forgotten")} } }`,
        { input: { deviceId } },
      ),
      written: exists("SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM device_vaults WHERE device_id = $1)", [
        deviceId,
      ]),
    },
  ];
}

async function claimKept(viewer: MatrixViewer, key: string): Promise<boolean> {
  const { rows } = await world.pool.query(
    "SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND body IS NOT NULL",
    [viewer.user.id, key],
  );
  return rows.length > 0;
}

async function run(c: Case): Promise<Seen> {
  // A session of its own: a case before may have ended the viewer's (forgetDevice, signOut…).
  const client = await TestClient.signedIn(server.url, c.viewer.user);
  const key = randomUUID();
  const headers = { "idempotency-key": key };
  const first = await client.request<Record<string, { __typename?: string; code?: string }>>(
    c.document,
    c.variables,
    { headers },
  );
  const answer = first.data ? Object.values(first.data)[0] : undefined;
  let written: boolean | null = null;
  if (c.written) {
    const { rows } = await world.pool.query<{ written: boolean }>(c.written.sql, c.written.params);
    written = present(rows[0], `the check of ${c.field}`).written;
  }
  const counts = await worldRowCounts(world.pool, world.ids);
  const digest = await worldDigest(world.pool, world.ids);
  const again = await client.request(c.document, c.variables, { headers });
  const countsAgain = await worldRowCounts(world.pool, world.ids);
  const digestAgain = await worldDigest(world.pool, world.ids);
  // Another body under the same key: the same document, written differently.
  const reused = await client.request(`${c.document}\n`, c.variables, { headers });
  const digestReused = await worldDigest(world.pool, world.ids);
  return {
    firstStatus: first.status,
    firstTypename: answer?.__typename,
    firstCode: answer?.code ?? first.errors?.[0]?.extensions?.code,
    written,
    replayed: again.headers.get("idempotent-replayed"),
    sameAnswer: JSON.stringify(again.data) === JSON.stringify(first.data),
    countsUnchangedByRepeat: JSON.stringify(countsAgain) === JSON.stringify(counts),
    digestUnchangedByRepeat: JSON.stringify(digestAgain) === JSON.stringify(digest),
    reusedStatus: reused.status,
    reusedCode: reused.errors?.[0]?.extensions?.code,
    digestUnchangedByReuse: JSON.stringify(digestReused) === JSON.stringify(digestAgain),
    claimKept: await claimKept(c.viewer, key),
  };
}

const mutationFields = Object.keys(present(schema.getMutationType(), "Mutation type").getFields()).sort();

beforeAll(async () => {
  server = await startTestServer();
  world = await createWriteMatrixWorld(server.databaseUrl);
  const found = [...(await matrixCases()), ...(await ownThingsCases())];
  for (const c of found) if (!cases.has(c.field)) cases.set(c.field, c);
  // One viewer's cases in the matrix's order; widening one's own roles last, like the matrix.
  const ordered = [...cases.values()].sort(
    (a, b) => Number(a.field === "setMemberRoles") - Number(b.field === "setMemberRoles"),
  );
  for (const c of ordered) seen.set(c.field, await run(c));
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

describe("every mutation has a case", () => {
  it("each Mutation field of the schema has a case here or a reason in notCovered", () => {
    const missing = mutationFields.filter((field) => !cases.has(field) && !(field in notCovered));
    expect(missing).toEqual([]);
    const stale = Object.keys(notCovered).filter(
      (field) => !mutationFields.includes(field) || cases.has(field),
    );
    expect(stale).toEqual([]);
  });
});

describe.each(mutationFields.filter((field) => !(field in notCovered)))("%s", (field) => {
  it(
    answersHoldingSecrets.has(field)
      ? "its answer holds a secret: never kept, a repeat runs again"
      : "the same key twice: the first answer again, written once; another body: IDEMPOTENCY_KEY_REUSED, nothing written",
    () => {
      const result = present(seen.get(field), `the outcome of ${field}`);
      expect({ status: result.firstStatus, typename: result.firstTypename, code: result.firstCode }).toEqual({
        status: 200,
        typename: expect.not.stringMatching(/Error$/),
        code: undefined,
      });
      if (result.written !== null) expect(result.written).toBe(true);
      if (answersHoldingSecrets.has(field)) {
        expect(result.claimKept).toBe(false);
        expect(result.replayed).toBeNull();
        return;
      }
      expect(result).toMatchObject({
        replayed: "true",
        sameAnswer: true,
        countsUnchangedByRepeat: true,
        digestUnchangedByRepeat: true,
        reusedStatus: 422,
        reusedCode: "IDEMPOTENCY_KEY_REUSED",
        digestUnchangedByReuse: true,
        claimKept: true,
      });
    },
  );
});
