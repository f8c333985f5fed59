// Issue 18 item 8 (Law 25): retention and its dry run, destruction on request, the incident
// register kept five years, the portability export, and "who viewed this file" with partners'
// reads — each through GraphQL (or the HTTP route) on the real server, with RLS behind.
import { connectDatabase, type Database } from "@maillage/db";
import { createEncounter, createPerson, queryAsViewer } from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf, onlyRow } from "../../testing/rows.ts";
import { runRetention } from "./retention-job.ts";

const world = usePartnershipWorld();

/** A refused scope answers NOT_FOUND, as a typed member or a field error. */
const codeOf = (answer: any, field: string) =>
  answer.data?.[field]?.code ?? answer.errors?.[0]?.extensions?.code;
let db: Database;
beforeAll(() => {
  db = connectDatabase(world.server.databaseUrl, { poolSize: 1 });
});
afterAll(async () => {
  await db.close();
});

const setRetention = `mutation ($input: SetRetentionPeriodInput!) { setRetentionPeriod(input: $input) {
  __typename ... on SetRetentionPeriodSuccess { privacySettings { retentionYears } } ... on AppError { code } } }`;
const report = `query ($years: Int) { retentionReport(horizonDays: 0, retentionYears: $years) {
  retentionYears dueNow total files { person { alias } } } }`;
const deidentify = `mutation ($input: DeidentifyPersonInput!) { deidentifyPerson(input: $input) {
  __typename ... on DeidentifyPersonSuccess { person { alias deidentifiedAt } }
  ... on InputValidationError { fields { path code } } ... on AppError { code } } }`;

/** A person of the owner whose every trace is from 2015. */
async function oldFile(alias: string) {
  const person = await createPerson(world.pool, {
    organisationId: world.owner.id,
    alias,
    legalName: "Nom Ancien",
  });
  const encounter = await createEncounter(world.pool, {
    organisationId: world.owner.id,
    authorId: world.owner.users.worker.id,
    personId: person.id,
    note: `Vu ${alias} au parc`,
  });
  await world.pool.query(
    "UPDATE encounters SET occurred_at = '2015-03-01', updated_at = '2015-03-01' WHERE id = $1",
    [encounter.id],
  );
  await world.pool.query(
    "UPDATE persons SET created_at = '2015-02-01', updated_at = '2015-02-01', safe_contact_note = 'texto seulement', may_text = true WHERE id = $1",
    [person.id],
  );
  return { ...person, encounterId: encounter.id, globalId: encodeGlobalID("Person", person.id) };
}

describe("retention", () => {
  it("is set by a coordinator only, previewed by a dry run, and applied by the job, audited", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const worker = await world.signIn(world.owner.users.worker);
    const admin = await world.signIn(world.owner.users.admin);
    const old = await oldFile("Rosalie");
    await world.pool.query(
      `INSERT INTO shift_reports (id, organisation_id, author_id, starts_at, ends_at)
       VALUES (gen_random_uuid(), $1, $2, now() - interval '3 hours', now() - interval '1 hour')`,
      [world.owner.id, world.owner.users.worker.id],
    );
    await world.pool.query(
      `INSERT INTO shift_handover_notes (shift_report_id, organisation_id, body)
       SELECT id, organisation_id, 'Rosalie cherche un logement; Rosalinde va bien' FROM shift_reports WHERE organisation_id = $1`,
      [world.owner.id],
    );

    for (const refused of [worker, admin]) {
      const answer = await refused.request<any>(setRetention, { input: { retentionYears: 3 } });
      expect(codeOf(answer, "setRetentionPeriod")).toBe("NOT_FOUND");
    }
    // Existing files of an organisation made before the setting: on by default (5) for a new one.
    expect(
      (await coordinator.request<any>("{ privacySettings { retentionYears defaultRetentionYears } }")).data,
    ).toEqual({ privacySettings: { retentionYears: 5, defaultRetentionYears: 5 } });
    const off = await coordinator.request<any>(setRetention, { input: { retentionYears: null } });
    expect(off.data?.setRetentionPeriod.privacySettings).toEqual({ retentionYears: null });
    expect((await coordinator.request<any>(report, {})).data?.retentionReport).toMatchObject({
      retentionYears: null,
      total: 0,
    });
    // A preview with 5 years finds the 2015 file only (the world's person was met yesterday).
    const preview = (await coordinator.request<any>(report, { years: 5 })).data?.retentionReport;
    expect(preview).toEqual({
      retentionYears: 5,
      dueNow: 1,
      total: 1,
      files: [{ person: { alias: "Rosalie" } }],
    });
    expect(await runRetention(db, new Date(), [world.owner.id])).toEqual([]);

    await coordinator.request(setRetention, { input: { retentionYears: 5 } });
    expect(
      await countOf(
        world.pool,
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'RETENTION_PERIOD_CHANGED' AND organisation_id = $1",
        [world.owner.id],
      ),
    ).toBe(2);
    expect(await runRetention(db, new Date(), [world.owner.id])).toEqual([
      { organisationId: world.owner.id, deidentified: 1 },
    ]);

    const person = onlyRow((await world.pool.query("SELECT * FROM persons WHERE id = $1", [old.id])).rows);
    expect(person.alias).toMatch(/^X-[0-9A-F]{8}$/);
    expect(person).toMatchObject({ safe_contact_note: null, may_text: false, languages: [] });
    expect(person.deidentified_at).not.toBeNull();
    expect(
      await countOf(world.pool, "SELECT count(*)::int AS n FROM person_legal_names WHERE person_id = $1", [
        old.id,
      ]),
    ).toBe(0);
    expect(
      await countOf(world.pool, "SELECT count(*)::int AS n FROM encounter_notes WHERE encounter_id = $1", [
        old.encounterId,
      ]),
    ).toBe(0);
    // Her encounter is still counted, under the same id.
    expect(
      await countOf(world.pool, "SELECT count(*)::int AS n FROM encounters WHERE person_id = $1", [old.id]),
    ).toBe(1);
    const note = onlyRow(
      (
        await world.pool.query("SELECT body FROM shift_handover_notes WHERE organisation_id = $1", [
          world.owner.id,
        ])
      ).rows,
    );
    expect(note.body).toBe("[…] cherche un logement; Rosalinde va bien");
    expect(
      await countOf(
        world.pool,
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'RETENTION_APPLIED' AND organisation_id = $1 AND (details->>'deidentified')::int = 1",
        [world.owner.id],
      ),
    ).toBe(1);
    expect(
      await countOf(
        world.pool,
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'PERSON_DEIDENTIFIED' AND record_id = $1 AND details->>'reason' = 'RETENTION'",
        [old.id],
      ),
    ).toBe(1);
    // The world's person, met yesterday, is untouched; a second run finds nothing.
    expect(
      onlyRow((await world.pool.query("SELECT alias FROM persons WHERE id = $1", [world.person.id])).rows)
        .alias,
    ).toBe(world.person.alias);
    expect(await runRetention(db, new Date(), [world.owner.id])).toEqual([]);
  });
});

describe("destruction on request", () => {
  it("is a coordinator's, confirmed by the alias, audited with its reason and never the alias", async () => {
    const file = await oldFile("Capucine");
    await world.pool.query("UPDATE persons SET created_at = now(), updated_at = now() WHERE id = $1", [
      file.id,
    ]);
    const input = { personId: file.globalId, reason: "PERSON_REQUEST", confirmAlias: "Capucine" };
    for (const user of [world.owner.users.worker, world.partner.users.coordinator, world.owner.users.admin]) {
      const answer = await (await world.signIn(user)).request<any>(deidentify, { input });
      expect(codeOf(answer, "deidentifyPerson")).toBe("NOT_FOUND");
    }
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const wrong = await coordinator.request<any>(deidentify, { input: { ...input, confirmAlias: "Capu" } });
    expect(wrong.data?.deidentifyPerson).toEqual({
      __typename: "InputValidationError",
      code: "INPUT_VALIDATION",
      fields: [{ path: "confirmAlias", code: "INVALID_VALUE" }],
    });
    const done = (await coordinator.request<any>(deidentify, { input })).data?.deidentifyPerson;
    expect(done.__typename).toBe("DeidentifyPersonSuccess");
    expect(done.person.alias).toMatch(/^X-/);
    const event = onlyRow(
      (
        await world.pool.query(
          "SELECT user_id, details FROM audit_events WHERE action = 'PERSON_DEIDENTIFIED' AND record_id = $1",
          [file.id],
        )
      ).rows,
    );
    expect(event).toEqual({
      user_id: world.owner.users.coordinator.id,
      details: { reason: "PERSON_REQUEST" },
    });
    const again = await coordinator.request<any>(deidentify, {
      input: { ...input, confirmAlias: done.person.alias },
    });
    expect(again.data?.deidentifyPerson.code).toBe("CONFLICT");
  });
});

const recordIncident = `mutation ($input: RecordConfidentialityIncidentInput!) { recordConfidentialityIncident(input: $input) {
  __typename ... on RecordConfidentialityIncidentSuccess { incident { id keptUntil notificationsDue } } ... on AppError { code } } }`;
const incident = {
  whatHappened: "Un téléphone perdu dans l'autobus",
  informationInvolved: "Alias et notes de rencontre",
  informationCategories: ["IDENTITY", "NOTES"],
  occurredFrom: "2026-11-30",
  discoveredOn: "2026-12-01",
  personsAffected: 12,
  personCategories: ["PERSONS_SERVED"],
  seriousHarmRisk: true,
  riskAssessment: "Des personnes criminalisées pourraient être identifiées.",
};

describe("the confidentiality-incident register", () => {
  it("is kept by coordinators and admins of the organisation, audited, and never deleted before five years", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    expect(
      codeOf(await worker.request<any>(recordIncident, { input: incident }), "recordConfidentialityIncident"),
    ).toBe("NOT_FOUND");
    const admin = await world.signIn(world.owner.users.admin);
    const made = (await admin.request<any>(recordIncident, { input: incident })).data
      ?.recordConfidentialityIncident;
    expect(made).toMatchObject({
      __typename: "RecordConfidentialityIncidentSuccess",
      incident: { keptUntil: "2031-12-01", notificationsDue: true },
    });
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const update = `mutation ($input: UpdateConfidentialityIncidentInput!) { updateConfidentialityIncident(input: $input) {
      __typename ... on UpdateConfidentialityIncidentSuccess { incident { notificationsDue commissionNotifiedOn } } } }`;
    const updated = await coordinator.request<any>(update, {
      input: {
        ...incident,
        incidentId: made.incident.id,
        commissionNotifiedOn: "2026-12-02",
        personsNotifiedOn: "2026-12-02",
      },
    });
    expect(updated.data?.updateConfidentialityIncident.incident).toEqual({
      notificationsDue: false,
      commissionNotifiedOn: "2026-12-02",
    });
    const changed = onlyRow(
      (
        await world.pool.query(
          "SELECT details FROM audit_events WHERE action = 'INCIDENT_UPDATED' AND organisation_id = $1",
          [world.owner.id],
        )
      ).rows,
    );
    expect(changed.details).toEqual({ changed: ["commissionNotifiedOn", "personsNotifiedOn"] });
    const list = "{ confidentialityIncidents(first: 10) { edges { node { whatHappened } } } }";
    expect((await coordinator.request<any>(list)).data?.confidentialityIncidents.edges).toHaveLength(1);
    const partner = await world.signIn(world.partner.users.coordinator);
    expect((await partner.request<any>(list)).data?.confidentialityIncidents.edges).toEqual([]);

    // The app role has no DELETE; the owner is refused before five years, allowed after.
    await expect(
      queryAsViewer(
        world.pool,
        { userId: world.owner.users.coordinator.id, organisationId: world.owner.id, roles: ["COORDINATOR"] },
        "DELETE FROM confidentiality_incidents WHERE organisation_id = $1",
        [world.owner.id],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      world.pool.query("DELETE FROM confidentiality_incidents WHERE organisation_id = $1", [world.owner.id]),
    ).rejects.toThrow(/kept five years/);
    const { rows } = await world.pool.query<{ id: string }>(
      `INSERT INTO confidentiality_incidents (organisation_id, what_happened, information_involved, occurred_from, discovered_on,
         persons_affected, serious_harm_risk, risk_assessment, recorded_by_id)
       VALUES ($1, 'ancien', 'x', current_date - 2200, current_date - 2200, 1, false, 'faible', $2) RETURNING id`,
      [world.owner.id, world.owner.users.admin.id],
    );
    await world.pool.query("DELETE FROM confidentiality_incidents WHERE id = $1", [onlyRow(rows).id]);
    const security = onlyRow(
      (
        await world.pool.query(
          "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'confidentiality_incidents'",
        )
      ).rows,
    );
    expect(security).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });
});

describe("who viewed this file, and the portability export", () => {
  it("lists the owner's and the partner's reads for the owner's coordinator, without letting the partner read the owner's log", async () => {
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at)
       VALUES ($1, $2, $3, '{PROFILE}'::"SharedRecordKind"[], $4, now() - interval '1 day')`,
      [world.owner.id, world.person.id, world.partner.id, world.owner.users.worker.id],
    );
    const file = "query ($id: ID!) { person(id: $id) { alias } }";
    const ownWorker = await world.signIn(world.owner.users.worker);
    const partnerWorker = await world.signIn(world.partner.users.worker);
    expect((await ownWorker.request<any>(file, { id: world.person.globalId })).data?.person.alias).toBe(
      world.person.alias,
    );
    expect((await partnerWorker.request<any>(file, { id: world.person.globalId })).data?.person.alias).toBe(
      world.person.alias,
    );

    const reads = `query ($id: ID!) { personFileReads(personId: $id) { action organisationName ownOrganisation readerName readerRoles } }`;
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const seen = (await coordinator.request<any>(reads, { id: world.person.globalId })).data?.personFileReads;
    expect(seen).toEqual(
      expect.arrayContaining([
        {
          action: "READ_PERSON_FILE",
          organisationName: "Organisme partenaire",
          ownOrganisation: false,
          readerName: null,
          readerRoles: ["OUTREACH_WORKER"],
        },
        expect.objectContaining({
          action: "READ_PERSON_FILE",
          ownOrganisation: true,
          readerRoles: ["OUTREACH_WORKER"],
        }),
      ]),
    );
    expect(seen.find((read: any) => read.ownOrganisation).readerName).toEqual(expect.any(String));
    // The partner's coordinator: not the owner's file reads, and only her own organisation's rows.
    const partner = await world.signIn(world.partner.users.coordinator);
    expect(
      (await partner.request<any>(reads, { id: world.person.globalId })).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    const partnerRows = await queryAsViewer<{ organisation_id: string }>(
      world.pool,
      {
        userId: world.partner.users.coordinator.id,
        organisationId: world.partner.id,
        roles: ["COORDINATOR"],
      },
      "SELECT organisation_id FROM audit_events WHERE record_id = $1",
      [world.person.id],
    );
    expect(partnerRows.length).toBeGreaterThan(0);
    expect(partnerRows.every((row) => row.organisation_id === world.partner.id)).toBe(true);
    // A worker of the owner may not ask.
    expect(
      (await ownWorker.request<any>(reads, { id: world.person.globalId })).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");

    // The export: everything held, audited, listed among the reads; refused to a worker and without the token.
    const exportOf = (client: { csrfToken?: string | null; cookie: string | null }, csrf = true) =>
      fetch(`${world.server.url}/privacy/person-export?person=${encodeURIComponent(world.person.globalId)}`, {
        method: "POST",
        headers: { cookie: client.cookie ?? "", ...(csrf ? { "x-csrf-token": client.csrfToken ?? "" } : {}) },
      });
    expect((await exportOf(ownWorker as any)).status).toBe(404);
    expect((await exportOf(coordinator as any, false)).status).toBe(403);
    expect((await exportOf(partner as any)).status).toBe(404);
    const answer = await exportOf(coordinator as any);
    expect(answer.status).toBe(200);
    const content = (await answer.json()) as any;
    expect(content.person).toMatchObject({
      id: world.person.id,
      alias: world.person.alias,
      legalName: "Nom Légal",
    });
    expect(content.encounters.map((e: any) => e.note)).toContain("Note interne");
    expect(content.consents).toHaveLength(1);
    const afterExport = (await coordinator.request<any>(reads, { id: world.person.globalId })).data
      ?.personFileReads;
    expect(afterExport[0]).toMatchObject({ action: "PERSON_DATA_EXPORTED", ownOrganisation: true });
  });
});
