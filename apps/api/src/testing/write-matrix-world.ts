/**
 * The world of the write matrix (apps/api/src/access/write-matrix.int.test.ts): one owning
 * organisation, six organisations in every other relation to its records, a viewer per role in
 * each, and sets of target records owned by the owning organisation — one shared set for the SQL
 * cells (every SQL cell is rolled back) and one set per viewer for the GraphQL cells (an accepted
 * mutation really writes, so each viewer changes only its own copies).
 *
 * In every target set the record's author, accompanying worker, visit worker, referral sender and
 * consent recorder is the owning organisation's outreach worker W; the visit's nurse and the
 * clinical note's author is its nurse N; the safety alert's publisher is its coordinator C. The
 * relation "own organisation, another member" holds their colleagues (same organisation, same
 * roles), so that rules naming the author or the visit's nurse show in the matrix.
 */
import "@maillage/db/testing/provided-context";
import type { Role } from "@maillage/db";
import {
  adminPool,
  createOrganisation,
  createPartnership,
  createUser,
  type TestUser,
} from "@maillage/db/factories";
import type pg from "pg";
import type { CatalogueTargets } from "./write-matrix-catalogues.ts";
import type { DeliveryTargets } from "./write-matrix-deliveries.ts";
import type { EveningTargets } from "./write-matrix-evenings.ts";
import type { ImportTargets } from "./write-matrix-imports.ts";
import type { ShiftReportTargets } from "./write-matrix-shift-reports.ts";
import { targetSet } from "./write-matrix-targets.ts";
import type { WorkshopTargets } from "./write-matrix-workshops.ts";

export const matrixRoles = ["W", "N", "C", "A", "K"] as const;
export type MatrixRole = (typeof matrixRoles)[number];

export const writeRelations = [
  "own organisation",
  "own organisation, another member",
  "partner, active consent",
  "partner, expired consent",
  "partner, withdrawn consent",
  "partner, open referral",
  "unrelated organisation",
] as const;
export type WriteRelation = (typeof writeRelations)[number];

export const roleNames: Record<Exclude<MatrixRole, "K">, Role> = {
  W: "OUTREACH_WORKER",
  N: "NURSE",
  C: "COORDINATOR",
  A: "ORG_ADMIN",
};

export interface MatrixViewer {
  /** Position in the world (0…34), used to keep each viewer's times and markers apart. */
  index: number;
  relation: WriteRelation;
  role: MatrixRole;
  user: TestUser;
  organisationId: string;
  roles: Role[];
}

/** Records of the owning organisation that the cells create, change or remove. */
export interface WriteTargets {
  /** With a legal name and the consents of every partner relation. */
  person: string;
  personWithoutLegalName: string;
  personWhoseLegalNameIsCleared: string;
  /** Nothing refers to it, so that removing it is possible. */
  personToRemove: string;
  /** Open, for a cell to archive. */
  personToArchive: string;
  /** Archived, for a cell to restore. */
  personArchived: string;
  /** A duplicate of personWithoutLegalName (no consents on either), for a cell to merge into it. */
  personDuplicate: string;
  encounterToChange: string;
  encounterToRemove: string;
  encounterWithoutNote: string;
  encounterWithNote: string;
  encounterWhoseNoteIsCleared: string;
  /** Handed out: 3 condoms. */
  encounterWithMaterials: string;
  encounterWithoutMaterials: string;
  encounterWhoseMaterialsAreCleared: string;
  /** Planned, with a note. */
  accompaniment: string;
  accompanimentWithoutNote: string;
  /** Proposed by W to N. */
  visitProposed: string;
  /** Accepted and under way: N may complete it. */
  visitAccepted: string;
  /** Proposed by W to N, for a coordinator to hand to another nurse. */
  visitToHandOver: string;
  /** Followed by W (her caseload). */
  personFollowed: string;
  clinicalNote: string;
  /** An act (one test) recorded on visitAccepted by N. */
  clinicalAct: string;
  /** Booked by W with the consented partner's nurse, no person on it yet (a cell attaches one). */
  visitWithPartnerNurse: string;
  /** The consent naming the "partner, withdrawn consent" organisation (a cell tries to undo it). */
  consentWithdrawn: string;
  /** Sent to the "partner, open referral" organisation, version 1. */
  referral: string;
  /** The consent (profile) naming the "partner, open referral" organisation that the referral rests on. */
  referralConsent: string;
  /** A second consent naming the "partner, active consent" organisation (withdrawn by a cell). */
  consentToWithdraw: string;
  venue: string;
  /** Archived, for a cell to restore. */
  venueArchived: string;
  safetyAlert: string;
  auditEvent: string;
  /** A member of the owning organisation holding ORG_ADMIN only (whose roles a cell changes). */
  adminColleague: string;
  /** A worker of the owning organisation, whom a cell deactivates. */
  memberToDeactivate: string;
  /** A worker of the owning organisation with a device vault, which endAllSessions forgets. */
  signedInColleague: string;
  /** Pending, made by the owning organisation's coordinator, for a cell to revoke. */
  invitation: string;
  /** A user with no membership at all (whom a cell tries to add to the organisation; a vault). */
  outsider: string;
  /** Material delivery requests logged by W (write-matrix-deliveries.ts). */
  deliveries: DeliveryTargets;
  /** Catalogue entries and encounters with services (write-matrix-catalogues.ts). */
  catalogue: CatalogueTargets;
  /** Workshops held by W (write-matrix-workshops.ts). */
  workshops: WorkshopTargets;
  /** Uploaded files and a committed import of the owner's coordinator (write-matrix-imports.ts). */
  imports: ImportTargets;
  /** Shift reports written by W, and a venue of their own (write-matrix-shift-reports.ts). */
  shiftReports: ShiftReportTargets;
  /** A night centre's evenings opened by W, a visit, persons with and without an intake (write-matrix-evenings.ts). */
  evenings: EveningTargets;
  /** Where this set's own times start (visits, accompaniments), so sets never overlap. */
  slot: Date;
}

export interface WriteMatrixWorld {
  pool: pg.Pool;
  organisations: Record<WriteRelation, string>;
  ownerId: string;
  partnershipId: string;
  /** A partnership of the same members that has no sharing agreement (a cell tries to add one). */
  partnershipWithoutAgreementId: string;
  viewers: Record<WriteRelation, Record<MatrixRole, MatrixViewer>>;
  /** The owning organisation's W, N and C of every target set. */
  author: { worker: TestUser; nurse: TestUser; coordinator: TestUser };
  /** A nurse of the "partner, active consent" organisation (public health) that W may book. */
  bookableNurseId: string;
  /** Every id of the world (organisations, partnerships, users): what the "nothing written" digest watches. */
  ids: string[];
  sqlTargets: WriteTargets;
  graphTargets: Map<number, WriteTargets>;
}

const hour = 3_600_000;
const day = 24 * hour;

/** Each target set gets its own 3-hour slots, so that no booking ever meets another's. */
function slotOf(index: number, base: number): Date {
  return new Date(base + index * 3 * hour);
}

export async function createWriteMatrixWorld(databaseUrl: string): Promise<WriteMatrixWorld> {
  const pool = adminPool(databaseUrl);
  const organisations = {} as Record<WriteRelation, string>;
  for (const relation of writeRelations) {
    if (relation === "own organisation, another member") continue;
    // The consented partner is a public-health organisation, so that W can book its nurse.
    const kind = relation === "partner, active consent" ? "PUBLIC_HEALTH" : "COMMUNITY_GROUP";
    organisations[relation] = (await createOrganisation(pool, { name: `Écriture ${relation}`, kind })).id;
  }
  organisations["own organisation, another member"] = organisations["own organisation"];
  const ownerId = organisations["own organisation"];
  const members = [
    ...new Set(writeRelations.filter((r) => r !== "unrelated organisation").map((r) => organisations[r])),
  ];
  const partnership = await createPartnership(pool, { organisationIds: members });
  const withoutAgreement = await createPartnership(pool, { organisationIds: members });
  await pool.query("DELETE FROM sharing_agreements WHERE partnership_id = $1", [withoutAgreement.id]);
  // The owner's one count of condoms (an organisation counts each item once: every viewer's cells share it).
  await pool.query(
    `INSERT INTO material_stocks (organisation_id, item, counted_quantity, low_threshold, counted_by_id)
     VALUES ($1, 'CONDOMS', 500, 50, gen_random_uuid())`,
    [ownerId],
  );
  // The owner's one purchase received (receipts are never changed: every viewer's cells try it).
  await pool.query(
    `INSERT INTO material_receipts (organisation_id, item, quantity, source, recorded_by_id)
     VALUES ($1, 'CONDOMS', 1000, 'PURCHASE', gen_random_uuid())`,
    [ownerId],
  );

  const viewers = {} as WriteMatrixWorld["viewers"];
  const ids = [...new Set(Object.values(organisations)), partnership.id, withoutAgreement.id];
  let index = 0;
  for (const relation of writeRelations) {
    viewers[relation] = {} as Record<MatrixRole, MatrixViewer>;
    for (const role of matrixRoles) {
      const roles: Role[] = role === "K" ? [] : [roleNames[role]];
      const organisationId = organisations[relation];
      const user = await createUser(pool, {
        memberships: [{ organisationId, roles }],
        committeePartnershipIds: role === "K" ? [partnership.id] : [],
      });
      ids.push(user.id);
      viewers[relation][role] = { index, relation, role, user, organisationId, roles };
      index += 1;
    }
  }
  const own = viewers["own organisation"];
  const author = { worker: own.W.user, nurse: own.N.user, coordinator: own.C.user };
  const world = {
    pool,
    organisations,
    ownerId,
    partnershipId: partnership.id,
    partnershipWithoutAgreementId: withoutAgreement.id,
    viewers,
    author,
    bookableNurseId: viewers["partner, active consent"].N.user.id,
    ids,
    graphTargets: new Map<number, WriteTargets>(),
  } as WriteMatrixWorld;
  const base = Date.now();
  // Every target set in one round trip (the embedded database answers one query at a time).
  const { rows } = await pool.query<{ id: string }>(
    "SELECT nextval('audit_events_id_seq')::text AS id FROM generate_series(1, $1)",
    [index + 1],
  );
  // One set per viewer (0 … index - 1), and the last one for the SQL cells.
  const sets = rows.map((row, i) => targetSet(world, slotOf(i, base + 40 * day), row.id));
  await pool.query(["BEGIN", ...sets.flatMap((set) => set.statements), "COMMIT"].join(";\n"));
  for (const [i, set] of sets.entries()) {
    if (i === index) world.sqlTargets = set.targets;
    else world.graphTargets.set(i, set.targets);
  }
  for (const set of sets) {
    const t = set.targets;
    ids.push(t.person, t.personWithoutLegalName, t.personWhoseLegalNameIsCleared, t.personToRemove);
    ids.push(t.personToArchive, t.personArchived, t.personDuplicate);
    ids.push(
      t.personFollowed,
      t.visitProposed,
      t.visitAccepted,
      t.visitToHandOver,
      t.adminColleague,
      t.outsider,
      t.memberToDeactivate,
      t.signedInColleague,
    );
  }
  return world;
}
