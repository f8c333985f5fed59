/**
 * The target records of the write matrix's world (write-matrix-world.ts) as SQL text: every set
 * in one round trip, since the embedded database answers one query at a time.
 */
import { randomUUID } from "node:crypto";
import { catalogueTargetStatements, catalogueTargets } from "./write-matrix-catalogues.ts";
import { deliveryTargetStatements, deliveryTargets } from "./write-matrix-deliveries.ts";
import { eveningTargetStatements, eveningTargets } from "./write-matrix-evenings.ts";
import { importTargetStatements, importTargets } from "./write-matrix-imports.ts";
import { shiftReportTargetStatements, shiftReportTargets } from "./write-matrix-shift-reports.ts";
import { workshopTargetStatements, workshopTargets } from "./write-matrix-workshops.ts";
import type { WriteMatrixWorld, WriteTargets } from "./write-matrix-world.ts";

const hour = 3_600_000;
const day = 24 * hour;

/** A literal for SQL text (values are ours: uuids, short texts, dates, arrays of names). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return sqlLiteral(value.toISOString());
  if (Array.isArray(value)) return sqlLiteral(`{${value.map(String).join(",")}}`);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** INSERT … VALUES (…) with the values as literals. */
function insert(table: string, columns: string, ...rows: unknown[][]): string {
  return `INSERT INTO ${table} (${columns}) VALUES ${rows.map((row) => `(${row.map(sqlLiteral).join(", ")})`).join(", ")}`;
}

/** One set of target records of the owning organisation (see WriteTargets), as SQL statements. */
export function targetSet(
  world: WriteMatrixWorld,
  slot: Date,
  auditEvent: string,
): { targets: WriteTargets; statements: string[] } {
  const owner = world.ownerId;
  const { worker, nurse, coordinator } = world.author;
  const relations = world.organisations;
  const id = () => randomUUID();
  const t: WriteTargets = {
    person: id(),
    personWithoutLegalName: id(),
    personWhoseLegalNameIsCleared: id(),
    personToRemove: id(),
    personToArchive: id(),
    personArchived: id(),
    personDuplicate: id(),
    encounterToChange: id(),
    encounterToRemove: id(),
    encounterWithoutNote: id(),
    encounterWithNote: id(),
    encounterWhoseNoteIsCleared: id(),
    encounterWithMaterials: id(),
    encounterWithoutMaterials: id(),
    encounterWhoseMaterialsAreCleared: id(),
    accompaniment: id(),
    accompanimentWithoutNote: id(),
    visitProposed: id(),
    visitAccepted: id(),
    visitToHandOver: id(),
    personFollowed: id(),
    clinicalNote: id(),
    clinicalAct: id(),
    visitWithPartnerNurse: id(),
    consentWithdrawn: id(),
    referral: id(),
    referralConsent: id(),
    consentToWithdraw: id(),
    venue: id(),
    venueArchived: id(),
    safetyAlert: id(),
    auditEvent,
    adminColleague: id(),
    memberToDeactivate: id(),
    signedInColleague: id(),
    invitation: id(),
    outsider: id(),
    workshops: workshopTargets(),
    imports: importTargets(),
    shiftReports: shiftReportTargets(),
    evenings: eveningTargets(),
    catalogue: catalogueTargets(),
    deliveries: deliveryTargets(),
    slot,
  };
  const at = (offset: number) => new Date(slot.getTime() + offset);
  const everyKind = ["PROFILE", "ENCOUNTERS_SUMMARY", "ACCOMPANIMENTS", "REFERRALS", "NURSE_VISIT_LOGISTICS"];
  const dayAgo = new Date(Date.now() - day);
  const tenDaysAgo = new Date(Date.now() - 10 * day);
  const hourAgo = new Date(Date.now() - hour);
  const encounters = [
    [t.encounterToChange, true, false],
    [t.encounterToRemove, true, false],
    [t.encounterWithoutNote, false, false],
    [t.encounterWithNote, true, false],
    [t.encounterWhoseNoteIsCleared, true, false],
    [t.encounterWithMaterials, false, true],
    [t.encounterWithoutMaterials, false, false],
    [t.encounterWhoseMaterialsAreCleared, false, true],
  ] as const;
  const statements = [
    insert(
      "persons",
      "id, organisation_id, alias, alias_search, birth_year, gender, languages",
      [t.person, owner, "Cible", "cible", 1990, "WOMAN", ["fr"]],
      [t.personWithoutLegalName, owner, "Cible anonyme", "cible anonyme", 1990, "WOMAN", ["fr"]],
      [t.personWhoseLegalNameIsCleared, owner, "Cible sans nom", "cible sans nom", 1990, "WOMAN", ["fr"]],
      [t.personToRemove, owner, "Cible à retirer", "cible a retirer", 1990, "WOMAN", ["fr"]],
      [t.personFollowed, owner, "Cible suivie", "cible suivie", 1990, "WOMAN", ["fr"]],
      [t.personToArchive, owner, "Cible à archiver", "cible a archiver", 1990, "WOMAN", ["fr"]],
      [t.personDuplicate, owner, "Cible anonyme bis", "cible anonyme bis", 1990, "WOMAN", ["fr"]],
    ),
    insert("persons", "id, organisation_id, alias, alias_search, archived_at", [
      t.personArchived,
      owner,
      "Cible archivée",
      "cible archivee",
      dayAgo,
    ]),
    insert("person_followers", "person_id, user_id, organisation_id", [t.personFollowed, worker.id, owner]),
    insert(
      "person_legal_names",
      "person_id, organisation_id, legal_name",
      [t.person, owner, "Nom Légal"],
      [t.personWhoseLegalNameIsCleared, owner, "Nom Légal"],
    ),
    insert(
      "consents",
      "id, organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at, expires_at, withdrawn_at",
      [id(), owner, t.person, relations["partner, active consent"], everyKind, worker.id, dayAgo, null, null],
      [
        id(),
        owner,
        t.person,
        relations["partner, expired consent"],
        everyKind,
        worker.id,
        tenDaysAgo,
        dayAgo,
        null,
      ],
      [
        t.consentWithdrawn,
        owner,
        t.person,
        relations["partner, withdrawn consent"],
        everyKind,
        worker.id,
        tenDaysAgo,
        null,
        hourAgo,
      ],
      [
        t.referralConsent,
        owner,
        t.person,
        relations["partner, open referral"],
        ["PROFILE"],
        worker.id,
        dayAgo,
        null,
        null,
      ],
      [
        t.consentToWithdraw,
        owner,
        t.person,
        relations["partner, active consent"],
        ["PROFILE"],
        worker.id,
        dayAgo,
        null,
        null,
      ],
    ),
    insert(
      "referrals",
      "id, person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id, reason, service_requested, urgency, status",
      [
        t.referral,
        t.person,
        owner,
        worker.id,
        relations["partner, open referral"],
        t.referralConsent,
        "Dépistage",
        "Rendez-vous",
        "SOON",
        "SENT",
      ],
    ),
    insert("referral_transitions", "referral_id, to_status, by_user_id, by_organisation_id", [
      t.referral,
      "SENT",
      worker.id,
      owner,
    ]),
    insert(
      "encounters",
      "id, organisation_id, person_id, author_id, occurred_at, channel, place_type, themes",
      ...encounters.map(([encounter]) => [
        encounter,
        owner,
        t.person,
        worker.id,
        dayAgo,
        "IN_PERSON",
        "WORKPLACE",
        ["SEXUALITY"],
      ]),
    ),
    insert(
      "encounter_notes",
      "encounter_id, organisation_id, body",
      ...encounters.filter(([, note]) => note).map(([encounter]) => [encounter, owner, "privée"]),
    ),
    insert(
      "encounter_materials",
      "encounter_id, organisation_id, item, quantity",
      ...encounters
        .filter(([, , materials]) => materials)
        .map(([encounter]) => [encounter, owner, "CONDOMS", 3]),
    ),
    insert(
      "accompaniments",
      "id, organisation_id, person_id, worker_id, destination, planned_at",
      [t.accompaniment, owner, t.person, worker.id, "COURT", at(10 * day)],
      [t.accompanimentWithoutNote, owner, t.person, worker.id, "COURT", at(10 * day + hour)],
    ),
    insert("accompaniment_notes", "accompaniment_id, organisation_id, body", [
      t.accompaniment,
      owner,
      "note",
    ]),
    insert("accompaniment_outcomes", "accompaniment_id, organisation_id, body", [
      t.accompaniment,
      owner,
      "issue",
    ]),
    insert(
      "nurse_visits",
      "id, organisation_id, nurse_id, worker_id, worker_organisation_id, place_type, planned_start, planned_end, status, proposed_by_id",
      [t.visitProposed, owner, nurse.id, worker.id, owner, "HOME", slot, at(hour), "PROPOSED", worker.id],
      [
        t.visitAccepted,
        owner,
        nurse.id,
        worker.id,
        owner,
        "HOME",
        at(-80 * day),
        at(-80 * day + hour),
        "ACCEPTED",
        worker.id,
      ],
      [
        t.visitToHandOver,
        owner,
        nurse.id,
        worker.id,
        owner,
        "HOME",
        at(hour),
        at(2 * hour),
        "PROPOSED",
        worker.id,
      ],
      [
        t.visitWithPartnerNurse,
        relations["partner, active consent"],
        world.bookableNurseId,
        worker.id,
        owner,
        "HOME",
        at(2 * hour),
        at(3 * hour),
        "PROPOSED",
        worker.id,
      ],
    ),
    insert(
      "nurse_visit_persons",
      "nurse_visit_id, person_id",
      [t.visitProposed, t.person],
      [t.visitAccepted, t.person],
      [t.visitToHandOver, t.person],
    ),
    insert("clinical_notes", "id, nurse_visit_id, organisation_id, person_id, author_id, body, results", [
      t.clinicalNote,
      t.visitAccepted,
      owner,
      t.person,
      nurse.id,
      "Counselling",
      "Négatif",
    ]),
    insert("clinical_acts", "id, nurse_visit_id, organisation_id, kind, count", [
      t.clinicalAct,
      t.visitAccepted,
      owner,
      "STBBI_TEST",
      1,
    ]),
    insert(
      "venues",
      "id, organisation_id, name, kind, confidential, address, archived_at",
      [t.venue, owner, "Halte", "NIGHT_CENTRE", true, "123 rue Secrète", null],
      [t.venueArchived, owner, "Ancien bar", "DANCERS_BAR", false, null, dayAgo],
    ),
    insert(
      "safety_alerts",
      "id, partnership_id, organisation_id, published_by_id, what_happened, area, occurred_on, expires_at",
      [
        t.safetyAlert,
        world.partnershipId,
        owner,
        coordinator.id,
        "Agression",
        "Centre-ville",
        dayAgo.toISOString().slice(0, 10),
        new Date(Date.now() + 10 * day),
      ],
    ),
    insert("audit_events", "id, user_id, organisation_id, action, record_kind, record_id", [
      auditEvent,
      worker.id,
      owner,
      "READ_PERSON_FILE",
      "PERSON",
      t.person,
    ]),
    // Never signed in: a placeholder where the password hash goes.
    insert(
      "users",
      "id, email, display_name, password_hash",
      [t.adminColleague, `${t.adminColleague}@test.example`, "Collègue admin", "-"],
      [t.outsider, `${t.outsider}@test.example`, "Sans organisme", "-"],
      [t.memberToDeactivate, `${t.memberToDeactivate}@test.example`, "Collègue sur le départ", "-"],
      [t.signedInColleague, `${t.signedInColleague}@test.example`, "Collègue au téléphone perdu", "-"],
    ),
    insert(
      "memberships",
      "user_id, organisation_id, roles",
      [t.adminColleague, owner, ["ORG_ADMIN"]],
      [t.memberToDeactivate, owner, ["OUTREACH_WORKER"]],
      [t.signedInColleague, owner, ["OUTREACH_WORKER"]],
    ),
    insert(
      "device_vaults",
      "user_id, device_id, secret, expires_at",
      [t.signedInColleague, id(), "\\x01", new Date(Date.now() + day)],
      [t.outsider, id(), "\\x01", new Date(Date.now() + day)],
    ),
    insert(
      "invitations",
      "id, organisation_id, email, display_name, roles, token_hash, invited_by_id, expires_at",
      [
        t.invitation,
        owner,
        `${t.invitation}@test.example`,
        "Invitée",
        ["OUTREACH_WORKER"],
        id().replaceAll("-", "") + id().replaceAll("-", ""),
        coordinator.id,
        new Date(Date.now() + 6 * day),
      ],
    ),
    ...workshopTargetStatements(owner, worker.id, t.workshops),
    ...importTargetStatements(owner, coordinator.id, t.imports),
    ...shiftReportTargetStatements(owner, worker.id, t.shiftReports),
    ...eveningTargetStatements(owner, worker.id, t.evenings),
    ...catalogueTargetStatements(owner, worker.id, t.person, t.catalogue),
    ...deliveryTargetStatements(owner, worker.id, t.deliveries),
  ];
  return { targets: t, statements };
}
