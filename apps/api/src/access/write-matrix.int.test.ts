/**
 * The write matrix (issue 13, beside the read matrix permission-matrix.int.test.ts): every role ×
 * relation to the record × record kind × create/update/delete, asserted
 * - through SQL as the app role with the viewer set like a request (row-level security and grants
 *   alone): the INSERT/UPDATE/DELETE touches the row, or is refused. Each statement is first run
 *   as the table owner, where it must touch exactly one row, so a refusal is never a broken
 *   statement;
 * - through GraphQL, where a mutation does it: accepted and written, or refused as not found (or
 *   another access refusal) with nothing written — checked per cell and, for all the refused cells
 *   of a viewer together, by a digest of every row of the world. Where no mutation does it, the
 *   mutation inventory below checks the schema has none beyond those named; where another
 *   cell's mutation does it, the cell says so and only SQL is asserted.
 * The expected cells (write-matrix.expected.ts) come from ../shared/DESIGN.md §3, independently of
 * the registry; the registry's ownOrganisationWriters is then checked against them.
 *
 * A failing cell is a finding about the code, never a reason to change the cell.
 */
import "@maillage/db/testing/provided-context";
import { ownOrganisationWriters, recordKinds } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { schema } from "../schema.ts";
import { TestClient } from "../testing/graphql-client.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { catalogueAttempts } from "../testing/write-matrix-catalogues.ts";
import { deliveryAttempts } from "../testing/write-matrix-deliveries.ts";
import { eveningAttempts } from "../testing/write-matrix-evenings.ts";
import { fieldWorkAttempts } from "../testing/write-matrix-field-work.ts";
import { importAttempts } from "../testing/write-matrix-imports.ts";
import { jointWorkAttempts } from "../testing/write-matrix-joint-work.ts";
import { type Attempts, type CellContext, present } from "../testing/write-matrix-operations.ts";
import { organisationWorkAttempts } from "../testing/write-matrix-organisation-work.ts";
import { programmeSettingsAttempts } from "../testing/write-matrix-programme-settings.ts";
import { attemptMutation, inBatches, runStatements, worldDigest } from "../testing/write-matrix-runner.ts";
import { shiftReportAttempts } from "../testing/write-matrix-shift-reports.ts";
import { workshopAttempts } from "../testing/write-matrix-workshops.ts";
import {
  createWriteMatrixWorld,
  type MatrixViewer,
  matrixRoles,
  type WriteMatrixWorld,
  writeRelations,
} from "../testing/write-matrix-world.ts";
import {
  allows,
  type ExpectedWrite,
  expectedWrites,
  isNone,
  type Operation,
  operations,
  registryDisagreements,
  registryKindOf,
  type WriteKind,
  writeKinds,
} from "./write-matrix.expected.ts";

const attempts: Record<WriteKind, Partial<Record<Operation, Attempts>>> = {
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

const attemptOf = (cell: { kind: WriteKind; operation: Operation; key: string }) =>
  present(attempts[cell.kind][cell.operation], `attempt of ${cell.key}`);

interface Cell {
  key: string;
  kind: WriteKind;
  operation: Operation;
  expected: ExpectedWrite;
}
const cells: Cell[] = writeKinds.flatMap((kind) =>
  operations.flatMap((operation) => {
    const expected = expectedWrites[kind][operation];
    return expected ? [{ key: `${kind} ${operation}`, kind, operation, expected }] : [];
  }),
);
const graphCellsOf = (viewer: { relation: MatrixViewer["relation"] }) =>
  cells.filter(
    ({ expected }) =>
      !isNone(expected.graphql) &&
      (!expected.graphqlRelations || expected.graphqlRelations.only.includes(viewer.relation)),
  );
/** Widening one's own roles runs after every other cell of the viewer: if it wrongly succeeded, nothing else changes. */
const runsLast = (cell: Cell) => cell.kind === "one's own roles";

/** Mutations that write no record of an organisation to another (the viewer's own things). */
const outsideTheMatrix: Record<string, string> = {
  signIn: "opens a session",
  signOut: "closes the viewer's session",
  switchOrganisation: "changes the session's acting organisation among the viewer's memberships",
  rotateCalendarFeed:
    "the viewer's own feed secret (app.set_calendar_feed_token writes the viewer's row only)",
  setWeeklyAvailability: "the viewer's own weekly availability (RLS: user_id = app.user_id())",
  addAbsence: "the viewer's own absence (RLS: user_id = app.user_id())",
  removeAbsence: "the viewer's own absence (RLS: user_id = app.user_id())",
  markNotificationsRead: "notices addressed to the viewer (who receives them: the notices' own tests)",
  markReferralRead:
    "notices addressed to the viewer's organisation (who receives them: the notices' own tests)",
  openDeviceVault:
    "the viewer's own device secret (RLS: user_id = app.user_id(); http/idempotency.int.test.ts)",
  forgetDevice: "the viewer's own device secret (RLS: user_id = app.user_id(); http/idempotency.int.test.ts)",
  dryRunImport: "writes nothing: it checks an uploaded file's rows (imports/imports.int.test.ts)",
  // Two-step sign-in: the viewer's own factor (RLS: user_id = app.user_id()), or a member's reset
  // by a member manager of her organisation (auth/second-factor.int.test.ts: a worker is refused).
  startSecondFactorEnrolment: "the viewer's own second factor (RLS: user_id = app.user_id())",
  confirmSecondFactorEnrolment: "the viewer's own second factor (RLS: user_id = app.user_id())",
  renewRecoveryCodes: "the viewer's own recovery codes (RLS: user_id = app.user_id())",
  removeSecondFactor: "the viewer's own second factor (RLS: user_id = app.user_id())",
  resetMemberSecondFactor:
    "a member's second factor, by MANAGE_MEMBERS of her organisation, as the sign-in role (auth/second-factor.int.test.ts)",
  // Law 25 (modules/privacy): not yet cells of the matrix; who may call them is asserted by
  // modules/privacy/privacy.int.test.ts (coordinators, or coordinators and org admins, of the
  // acting organisation only). deidentifyPerson is irreversible on the world's shared file.
  setRetentionPeriod: "the acting organisation's retention period (privacy/privacy.int.test.ts)",
  deidentifyPerson: "irreversible on the world's file (privacy/privacy.int.test.ts)",
  recordConfidentialityIncident: "the acting organisation's register (privacy/privacy.int.test.ts)",
  updateConfidentialityIncident: "the acting organisation's register (privacy/privacy.int.test.ts)",
  acceptInvitation:
    "public: the invitation's token joins its holder to the organisation that made it (app.accept_invitation; organisations/members.int.test.ts)",
};

let server: TestServer;
let world: WriteMatrixWorld;
/** The embedded database has one backend: requests in flight together would only interleave there. */
const concurrentRequests = inject("databaseKind") === "server" ? 4 : 1;

beforeAll(async () => {
  server = await startTestServer();
  world = await createWriteMatrixWorld(server.databaseUrl);
});

afterAll(async () => {
  await server.stop();
});

function contextOf(
  viewer: MatrixViewer,
  cell: Cell,
  targets = present(world.graphTargets.get(viewer.index), `targets of viewer ${viewer.index}`),
): CellContext {
  return { world, targets, viewer, marker: `matrice ${viewer.index} ${cell.key}` };
}

function expectedOutcome(cell: Cell, layer: "sql" | "graphql", viewer: MatrixViewer): string {
  const layerCells = cell.expected[layer];
  if (isNone(layerCells)) throw new Error(`${cell.key} has no GraphQL cell`);
  const allowed = allows(layerCells, viewer.relation, viewer.role);
  return layer === "sql" ? (allowed ? "allowed" : "refused") : allowed ? "accepted" : "refused";
}

describe.each(writeRelations)("%s", (relation) => {
  describe.each(matrixRoles)("role %s", (role) => {
    const viewer = () => world.viewers[relation][role];

    describe("SQL as the app role", () => {
      const seen: { control: Record<string, string>; app: Record<string, string> } = { control: {}, app: {} };
      beforeAll(async () => {
        const v = viewer();
        const statements = Object.fromEntries(
          cells.map((cell) => [cell.key, attemptOf(cell).sql(contextOf(v, cell, world.sqlTargets))]),
        );
        seen.control = await runStatements(world.pool, null, statements);
        seen.app = await runStatements(
          world.pool,
          { userId: v.user.id, organisationId: v.organisationId, roles: v.roles },
          statements,
        );
      });

      it("every statement touches exactly one row as the table owner", () => {
        expect(seen.control).toEqual(Object.fromEntries(cells.map((cell) => [cell.key, "allowed"])));
      });

      it.each(cells.map((cell) => [cell.key, cell] as const))("%s", (_key, cell) => {
        expect(seen.app[cell.key]).toBe(expectedOutcome(cell, "sql", viewer()));
      });
    });

    describe("GraphQL", () => {
      const seen: Record<string, string> = {};
      const digests: { before: Record<string, string>; after: Record<string, string> } = {
        before: {},
        after: {},
      };
      beforeAll(async () => {
        const v = viewer();
        const client = await TestClient.signedIn(server.url, v.user);
        const attempt = async (cell: Cell) => {
          const mutation = await present(
            attemptOf(cell).graphql,
            `mutation of ${cell.key}`,
          )(contextOf(v, cell));
          seen[cell.key] = await attemptMutation(schema, client, world.pool, mutation);
        };
        const mine = graphCellsOf(v).filter((cell) => !runsLast(cell));
        const refused = mine.filter((cell) => expectedOutcome(cell, "graphql", v) === "refused");
        digests.before = await worldDigest(world.pool, world.ids);
        await inBatches(
          refused.map((cell) => () => attempt(cell)),
          concurrentRequests,
        );
        digests.after = await worldDigest(world.pool, world.ids);
        // One at a time: accepted cells really write (each on the viewer's own copies).
        for (const cell of mine.filter((c) => !refused.includes(c))) await attempt(cell);
        for (const cell of graphCellsOf(v).filter(runsLast)) await attempt(cell);
      });

      it("the refused mutations together wrote nothing to the world", () => {
        expect(digests.after).toEqual(digests.before);
      });

      it.each(graphCellsOf({ relation }).map((cell) => [cell.key, cell] as const))("%s", (_key, cell) => {
        expect(seen[cell.key]).toBe(expectedOutcome(cell, "graphql", viewer()));
      });
    });
  });
});

describe("the matrix itself", () => {
  it("names every kind × operation, or says why it is not a distinct write", () => {
    for (const kind of writeKinds) {
      for (const operation of operations) {
        const declared = expectedWrites[kind][operation] !== undefined;
        const excused = expectedWrites[kind].notMeaningful?.[operation] !== undefined;
        expect(declared !== excused, `${kind} ${operation}`).toBe(true);
        const attempt = attempts[kind][operation];
        expect(Boolean(attempt?.sql), `${kind} ${operation}: SQL statement`).toBe(declared);
        const graphql = expectedWrites[kind][operation]?.graphql;
        const hasMutation = graphql !== undefined && !isNone(graphql);
        expect(Boolean(attempt?.graphql), `${kind} ${operation}: GraphQL mutation`).toBe(hasMutation);
      }
    }
  });

  it("every mutation of the schema is a cell of the matrix or named outside it with its reason", async () => {
    const inMatrix = new Set<string>();
    /** Mutations some cell expects to be accepted: the request itself is right, so a refusal elsewhere is one. */
    const acceptedSomewhere = new Set<string>();
    const v = world.viewers["own organisation"].W;
    for (const cell of cells) {
      const graphql = attempts[cell.kind][cell.operation]?.graphql;
      if (!graphql || isNone(cell.expected.graphql)) continue;
      const field = (await graphql(contextOf(v, cell))).field;
      inMatrix.add(field);
      if (Object.values(cell.expected.graphql).some((roles) => roles.length > 0))
        acceptedSomewhere.add(field);
    }
    expect([...inMatrix].filter((field) => !acceptedSomewhere.has(field))).toEqual([]);
    const mutations = Object.keys(present(schema.getMutationType(), "Mutation type").getFields()).sort();
    expect(mutations.filter((name) => !inMatrix.has(name) && !(name in outsideTheMatrix))).toEqual([]);
    // No stale entry: everything named here still exists.
    expect(
      [...inMatrix, ...Object.keys(outsideTheMatrix)].filter((name) => !mutations.includes(name)),
    ).toEqual([]);
  });

  it("agrees with the permission registry's writers", () => {
    expect(new Set(Object.values(registryKindOf))).toEqual(new Set(recordKinds));
    expect(registryDisagreements(ownOrganisationWriters)).toEqual([]);
  });

  it("would catch a registry that disagrees (the check can fail)", () => {
    const doctored = { ...ownOrganisationWriters, SAFETY_ALERT: ["OUTREACH_WORKER", "COORDINATOR"] as const };
    expect(registryDisagreements(doctored)).toEqual([
      "SAFETY_ALERT: the matrix lets [COORDINATOR] write it, the registry names [COORDINATOR,OUTREACH_WORKER]",
    ]);
    // Clinical notes and clinical acts both answer to CLINICAL_NOTE: each says so once.
    const narrowed = { ...ownOrganisationWriters, CLINICAL_NOTE: [] };
    expect([...new Set(registryDisagreements(narrowed))]).toEqual([
      "CLINICAL_NOTE: the matrix lets [NURSE] write it, the registry names []",
      "CLINICAL_NOTE: [NURSE] write it outside the registry",
    ]);
  });

  it("counts its cells", () => {
    const viewers = writeRelations.length * matrixRoles.length;
    const graphCells = writeRelations.reduce(
      (sum, relation) => sum + graphCellsOf({ relation }).length * matrixRoles.length,
      0,
    );
    // 58 kinds (writeKinds), 142 (kind, operation) cells per viewer — those of the kinds that
    // are not created, changed and removed alike say why (notMeaningful) — 35 viewers.
    expect({ viewers, sqlCells: cells.length * viewers, graphCells }).toEqual({
      viewers: 35,
      sqlCells: 4970,
      graphCells: 2490,
    });
  });
});
