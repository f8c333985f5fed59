// An operation commits all of its mutations or none. Each way a mutation field can fail — every
// typed error the schema can answer (each AppError member) and a GraphQL error — is paired here
// with a good write in the same operation: the good write must leave no row, and the answer must
// not claim that it succeeded.
import {
  adminPool,
  createOrganisation,
  createPartnership,
  createPerson,
  createUser,
  type TestUser,
} from "@maillage/db/factories";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLInterfaceType } from "graphql";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../schema.ts";
import { TestClient } from "../testing/graphql-client.ts";
import { countOf } from "../testing/rows.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let pool: pg.Pool;
let ownerId: string;
let healthId: string;
/** Worker, coordinator and org admin of the owner: may write everything used below. */
let member: TestUser;
let nurse: TestUser;
let client: TestClient;
/** A referral the owner sent to the health organisation (status SENT, version 1). */
let referralId: string;

beforeAll(async () => {
  server = await startTestServer();
  pool = adminPool(server.databaseUrl);
  ownerId = (await createOrganisation(pool, { name: "Rue (atomicité)" })).id;
  healthId = (await createOrganisation(pool, { name: "Santé (atomicité)", kind: "PUBLIC_HEALTH" })).id;
  await createPartnership(pool, { organisationIds: [ownerId, healthId] });
  member = await createUser(pool, {
    memberships: [{ organisationId: ownerId, roles: ["OUTREACH_WORKER", "COORDINATOR", "ORG_ADMIN"] }],
  });
  nurse = await createUser(pool, { memberships: [{ organisationId: healthId, roles: ["NURSE"] }] });
  client = await TestClient.signedIn(server.url, member);
  const referred = await consentedPerson();
  const sent = await client.request<any>(
    `mutation ($input: SendReferralInput!) {
      sendReferral(input: $input) { __typename ... on SendReferralSuccess { referral { id } } }
    }`,
    {
      input: {
        personId: referred.globalId,
        toOrganisationId: encodeGlobalID("Organisation", healthId),
        reason: "Suivi",
        serviceRequested: "Dépistage",
        urgency: "ROUTINE",
      },
    },
  );
  referralId = sent.data?.sendReferral.referral.id;
  expect(referralId).toMatch(/\w/);
});
afterAll(async () => {
  await server.stop();
});

async function freshPerson() {
  const person = await createPerson(pool, { organisationId: ownerId });
  return { ...person, globalId: encodeGlobalID("Person", person.id) };
}

/** A person whose consent names the health organisation (profile and visit logistics). */
async function consentedPerson() {
  const person = await freshPerson();
  await pool.query(
    `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
     VALUES ($1, $2, $3, '{PROFILE,NURSE_VISIT_LOGISTICS}', $4)`,
    [ownerId, person.id, healthId, member.id],
  );
  return person;
}

const encountersOf = (personId: string) =>
  countOf(pool, "SELECT count(*)::int AS n FROM encounters WHERE person_id = $1", [personId]);

const goodWrite = `good: recordEncounter(input: $ok) {
  __typename ... on RecordEncounterSuccess { encounter { id } } ... on AppError { code }
}`;
const failureSelection = "{ __typename ... on AppError { code } }";

function encounterInput(personGlobalId: string) {
  return { personId: personGlobalId, channel: "IN_PERSON", placeType: "WORKPLACE", themes: ["HOUSING"] };
}

interface Answer {
  status: number;
  data?: Record<string, { __typename: string; code?: string } | null> | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

/**
 * Runs `fields` (with the good write first or last; `declarations` declare their `variables`) and
 * checks: no row of the good write, and nothing in the answer says it succeeded; the failing
 * field's own code is given at its path.
 */
async function expectVoided(options: {
  declarations?: string;
  fields: string;
  variables?: Record<string, unknown>;
  failingCode: string;
  goodWriteLast?: boolean;
}) {
  const person = await freshPerson();
  const selections = options.goodWriteLast
    ? `${options.fields} ${goodWrite}`
    : `${goodWrite} ${options.fields}`;
  const answer = (await client.request<any>(
    `mutation ($ok: RecordEncounterInput! ${options.declarations ?? ""}) { ${selections} }`,
    { ok: encounterInput(person.globalId), ...options.variables },
  )) as Answer;
  expect(await encountersOf(person.id), JSON.stringify(answer)).toBe(0);
  expect(answer.data?.good?.__typename ?? null).not.toBe("RecordEncounterSuccess");
  expect(JSON.stringify(answer)).not.toContain("RecordEncounterSuccess");
  const codes = (answer.errors ?? []).map((error) => `${error.path?.join(".")}:${error.extensions?.code}`);
  expect(codes).toContain("good:ROLLED_BACK");
  expect(codes.some((code) => code.endsWith(`:${options.failingCode}`))).toBe(true);
  return answer;
}

/** A transition of the referral (sent, version 1) beside the good write, failing with `failingCode`. */
function expectTransitionVoided(transition: { to: string; expectedVersion: number }, failingCode: string) {
  return expectVoided({
    declarations: ", $transition: TransitionReferralInput!",
    fields: `bad: transitionReferral(input: $transition) ${failureSelection}`,
    variables: { transition: { referralId, ...transition } },
    failingCode,
  });
}

/** Typed error kinds covered below, by GraphQL type name. */
const coveredKinds = new Set<string>();

describe("an operation commits all of its mutations or none", () => {
  it("commits every field of an operation whose fields all succeed (the check below can see a row)", async () => {
    const first = await freshPerson();
    const second = await freshPerson();
    const answer = await client.request<any>(
      `mutation ($a: RecordEncounterInput!, $b: RecordEncounterInput!) {
        a: recordEncounter(input: $a) { __typename }
        b: recordEncounter(input: $b) { __typename }
      }`,
      { a: encounterInput(first.globalId), b: encounterInput(second.globalId) },
    );
    expect(answer.data).toEqual({
      a: { __typename: "RecordEncounterSuccess" },
      b: { __typename: "RecordEncounterSuccess" },
    });
    expect([await encountersOf(first.id), await encountersOf(second.id)]).toEqual([1, 1]);
  });

  it("voids the operation on a GraphQL error (a refused field), the good write first or last", async () => {
    const worker = await createUser(pool, {
      memberships: [{ organisationId: ownerId, roles: ["OUTREACH_WORKER"] }],
    });
    const workerClient = await TestClient.signedIn(server.url, worker);
    for (const goodWriteLast of [false, true]) {
      const person = await freshPerson();
      const refused = `bad: setMemberRoles(input: { userId: "${worker.id}", roles: [] }) ${failureSelection}`;
      const answer = (await workerClient.request<any>(
        `mutation ($ok: RecordEncounterInput!) { ${goodWriteLast ? `${refused} ${goodWrite}` : `${goodWrite} ${refused}`} }`,
        { ok: encounterInput(person.globalId) },
      )) as Answer;
      expect(await encountersOf(person.id), JSON.stringify(answer)).toBe(0);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((error) => error.extensions?.code)).toContain("NOT_FOUND");
    }
  });

  it("keeps a lone field's typed error as its answer (nothing else claimed success)", async () => {
    const answer = await client.request<any>(
      `mutation { setMemberRoles(input: { userId: "00000000-0000-0000-0000-000000000000", roles: [] }) ${failureSelection} }`,
    );
    expect(answer.data).toEqual({ setMemberRoles: { __typename: "NotFoundError", code: "NOT_FOUND" } });
    expect(answer.errors).toBeUndefined();
  });

  it("voids it on NotFoundError, with the good write first or last", async () => {
    coveredKinds.add("NotFoundError");
    for (const goodWriteLast of [false, true]) {
      await expectVoided({
        fields: `bad: setMemberRoles(input: { userId: "00000000-0000-0000-0000-000000000000", roles: [] }) ${failureSelection}`,
        failingCode: "NOT_FOUND",
        goodWriteLast,
      });
    }
  });

  it("voids it on ForbiddenError (nobody grants a role to itself)", async () => {
    coveredKinds.add("ForbiddenError");
    await expectVoided({
      fields: `bad: setMemberRoles(input: { userId: "${member.id}", roles: [OUTREACH_WORKER, COORDINATOR, ORG_ADMIN, NURSE] }) ${failureSelection}`,
      failingCode: "FORBIDDEN",
    });
    const { rows } = await pool.query("SELECT roles::text[] AS roles FROM memberships WHERE user_id = $1", [
      member.id,
    ]);
    expect(rows).toEqual([{ roles: ["OUTREACH_WORKER", "COORDINATOR", "ORG_ADMIN"] }]);
  });

  it("voids it on InputValidationError", async () => {
    coveredKinds.add("InputValidationError");
    await expectVoided({
      fields: `bad: createPerson(input: { alias: "", gender: WOMAN }) ${failureSelection}`,
      failingCode: "INPUT_VALIDATION",
    });
  });

  it("voids it on ConflictError (a stale version)", async () => {
    coveredKinds.add("ConflictError");
    await expectTransitionVoided({ to: "WITHDRAWN", expectedVersion: 99 }, "CONFLICT");
  });

  it("voids it on InvalidTransitionError (the sender cannot accept its own referral)", async () => {
    coveredKinds.add("InvalidTransitionError");
    await expectTransitionVoided({ to: "ACCEPTED", expectedVersion: 1 }, "INVALID_TRANSITION");
  });

  it("voids it on ConsentRequiredError, and the referral before it is not kept either", async () => {
    coveredKinds.add("ConsentRequiredError");
    const consented = await consentedPerson();
    const unconsented = await freshPerson();
    const referral = (personId: string) => ({
      personId,
      toOrganisationId: encodeGlobalID("Organisation", healthId),
      reason: "Suivi",
      serviceRequested: "Dépistage",
      urgency: "ROUTINE",
    });
    await expectVoided({
      declarations: ", $sent: SendReferralInput!, $refused: SendReferralInput!",
      fields: `sent: sendReferral(input: $sent) ${failureSelection}
               bad: sendReferral(input: $refused) ${failureSelection}`,
      variables: { sent: referral(consented.globalId), refused: referral(unconsented.globalId) },
      failingCode: "CONSENT_REQUIRED",
    });
    const { rows } = await pool.query("SELECT id FROM referrals WHERE person_id = $1", [consented.id]);
    expect(rows).toEqual([]);
  });

  it("voids it on DoubleBookingError, and the visit booked before it is not kept either", async () => {
    coveredKinds.add("DoubleBookingError");
    const person = await consentedPerson();
    // Three days ahead at 15:00 UTC: in the future and within the booking horizon, whenever it runs.
    const start = new Date((Math.floor(Date.now() / 86_400_000) + 3) * 86_400_000 + 15 * 3_600_000);
    const visit = {
      nurseId: nurse.id,
      personIds: [person.globalId],
      placeType: "HOME",
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
    };
    await expectVoided({
      declarations: ", $visit: ProposeNurseVisitInput!",
      fields: `booked: proposeNurseVisit(input: $visit) ${failureSelection}
               bad: proposeNurseVisit(input: $visit) ${failureSelection}`,
      variables: { visit },
      failingCode: "DOUBLE_BOOKING",
    });
    const { rows } = await pool.query("SELECT nurse_visit_id FROM nurse_visit_persons WHERE person_id = $1", [
      person.id,
    ]);
    expect(rows).toEqual([]);
  });

  it("voids it on InvalidCredentialsError, and still keeps the failed attempt for the throttle", async () => {
    coveredKinds.add("InvalidCredentialsError");
    const target = await createUser(pool, { memberships: [{ organisationId: ownerId, roles: ["NURSE"] }] });
    await expectVoided({
      declarations: ", $credentials: SignInInput!",
      fields: `bad: signIn(input: $credentials) ${failureSelection}`,
      variables: { credentials: { email: target.email, password: "not the password" } },
      failingCode: "INVALID_CREDENTIALS",
    });
    const { rows } = await pool.query<{ succeeded: boolean }>(
      "SELECT succeeded FROM sign_in_attempts WHERE email = $1",
      [target.email],
    );
    expect(rows).toEqual([{ succeeded: false }]);
    // The caller's own session was not replaced by anything of the voided operation.
    const me = await client.request<any>("{ me { user { email } } }");
    expect(me.data?.me.user.email).toBe(member.email);
  });

  it("voids it on TooManyAttemptsError", async () => {
    coveredKinds.add("TooManyAttemptsError");
    const target = await createUser(pool, { memberships: [{ organisationId: ownerId, roles: ["NURSE"] }] });
    await pool.query(
      `INSERT INTO sign_in_attempts (email, ip, succeeded, at)
       SELECT $1, NULL, false, now() - make_interval(secs => n) FROM generate_series(1, 5) n`,
      [target.email],
    );
    await expectVoided({
      declarations: ", $credentials: SignInInput!",
      fields: `bad: signIn(input: $credentials) ${failureSelection}`,
      variables: { credentials: { email: target.email, password: target.password } },
      failingCode: "TOO_MANY_ATTEMPTS",
    });
  });

  it("voids it on SecondFactorError (a code that does not match)", async () => {
    coveredKinds.add("SecondFactorError");
    await expectVoided({
      fields: `bad: renewRecoveryCodes(input: { code: "000000" }) ${failureSelection}`,
      failingCode: "SECOND_FACTOR_INVALID",
    });
  });

  it("voids it on InvitationInvalidError (a dead invitation link)", async () => {
    coveredKinds.add("InvitationInvalidError");
    await expectVoided({
      declarations: ", $accept: AcceptInvitationInput!",
      fields: `bad: acceptInvitation(input: $accept) ${failureSelection}`,
      variables: { accept: { token: "x".repeat(43), password: "a long enough password" } },
      failingCode: "INVITATION_INVALID",
    });
  });

  it("voids it on MergeConsentsDifferError (a merge that would widen a partner's view)", async () => {
    coveredKinds.add("MergeConsentsDifferError");
    const consented = await consentedPerson();
    const other = await freshPerson();
    await expectVoided({
      fields: `bad: mergePersons(input: { keepId: "${other.globalId}", mergeId: "${consented.globalId}" }) ${failureSelection}`,
      failingCode: "MERGE_CONSENTS_DIFFER",
    });
    const { rows } = await pool.query("SELECT merged_into_id FROM persons WHERE id = $1", [consented.id]);
    expect(rows).toEqual([{ merged_into_id: null }]);
  });

  describe("a night centre's evening", () => {
    let venueId: string;
    beforeAll(async () => {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO venues (organisation_id, name, kind, confidential) VALUES ($1, 'Halte', 'NIGHT_CENTRE', true)
         RETURNING id`,
        [ownerId],
      );
      venueId = rows[0]?.id ?? "";
    });
    const evening = async (day: string, closed: boolean) => {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO night_centre_evenings (organisation_id, venue_id, evening_on, opened_by_id, closed_at, closed_by_id)
         VALUES ($1, $2, $3, $4, ${closed ? "now(), $4" : "NULL, NULL"}) RETURNING id`,
        [ownerId, venueId, day, member.id],
      );
      return encodeGlobalID("NightCentreEvening", rows[0]?.id ?? "");
    };
    // Today in the organisation's zone (the default programme's).
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date());

    it("voids it on EveningClosedError (an evening closed twice)", async () => {
      coveredKinds.add("EveningClosedError");
      const closed = await evening("2026-01-10", true);
      await expectVoided({
        fields: `bad: closeNightCentreEvening(input: { id: "${closed}", version: 1 }) ${failureSelection}`,
        failingCode: "EVENING_CLOSED",
      });
    });

    it("voids it on EveningAlreadyOpenError (a second evening the same day)", async () => {
      coveredKinds.add("EveningAlreadyOpenError");
      await evening(today, false);
      await expectVoided({
        fields: `bad: openNightCentreEvening(input: { venueId: "${encodeGlobalID("Venue", venueId)}", eveningOn: "${today}", staffIds: ["${member.id}"] }) ${failureSelection}`,
        failingCode: "EVENING_ALREADY_OPEN",
      });
    });

    it("voids it on IntakeAlreadyRecordedError (an intake twice)", async () => {
      coveredKinds.add("IntakeAlreadyRecordedError");
      const person = await freshPerson();
      await pool.query(
        "INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing) VALUES ($1, $2, $3, 'NONE')",
        [ownerId, person.id, member.id],
      );
      await expectVoided({
        fields: `bad: recordIntakeAssessment(input: { personId: "${person.globalId}", needs: { housing: IMMEDIATE } }) ${failureSelection}`,
        failingCode: "INTAKE_ALREADY_RECORDED",
      });
    });
  });

  describe("an import", () => {
    const mapping = `[{ field: "date", column: "Date" }, { field: "channel", column: "Canal" }, { field: "placeType", column: "Type de lieu" }]`;

    it("voids it on ImportFileError (a file that is not there)", async () => {
      coveredKinds.add("ImportFileError");
      await expectVoided({
        fields: `bad: commitImport(input: { fileId: "00000000-0000-4000-8000-000000000000", shape: ENCOUNTERS, mapping: ${mapping} }) ${failureSelection}`,
        failingCode: "IMPORT_FILE_REFUSED",
      });
    });

    it("voids it on ImportHasProblemsError (a row with a problem)", async () => {
      coveredKinds.add("ImportHasProblemsError");
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO import_files (organisation_id, uploaded_by_id, name, byte_size, bytes)
         SELECT $1, $2, 'atomique.csv', octet_length(b), b
           FROM convert_to('Date,Canal,Type de lieu' || chr(10) || '2018-05-01,Pigeon,Bar', 'UTF8') AS b
         RETURNING id`,
        [ownerId, member.id],
      );
      await expectVoided({
        fields: `bad: commitImport(input: { fileId: "${rows[0]?.id}", shape: ENCOUNTERS, mapping: ${mapping} }) ${failureSelection}`,
        failingCode: "IMPORT_HAS_PROBLEMS",
      });
    });
  });

  it("has covered every typed error the schema can answer (each member of the AppError interface)", () => {
    const appError = schema.getType("AppError");
    expect(appError).toBeInstanceOf(GraphQLInterfaceType);
    const kinds = schema
      .getImplementations(appError as GraphQLInterfaceType)
      .objects.map((type) => type.name);
    expect(kinds.length).toBeGreaterThan(5);
    expect([...coveredKinds].sort()).toEqual([...kinds].sort());
  });
});
