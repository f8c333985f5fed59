import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";
import { countOf } from "../../testing/rows.ts";

const recordConsent = `mutation ($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    __typename
    ... on RecordConsentSuccess { consent { id status recordKinds expiresAt granteeOrganisation { name } } }
    ... on InputValidationError { fields { path code message } }
    ... on AppError { code }
  }
}`;
const withdrawConsent = `mutation ($id: ID!) {
  withdrawConsent(input: { consentId: $id }) {
    __typename ... on WithdrawConsentSuccess { consent { status withdrawnAt } } ... on AppError { code }
  }
}`;
const personQuery = `query ($id: ID!) { person(id: $id) { alias encounters(first: 5) { edges { node { id } } } } }`;

const world = usePartnershipWorld();

/** Asks, as `client`, to record the person's consent to show these kinds of records to the partner. */
function consentToPartner(client: TestClient, recordKinds: string[], more: Record<string, unknown> = {}) {
  return client.request<any>(recordConsent, {
    input: {
      personId: world.person.globalId,
      granteeOrganisationId: world.partner.globalId,
      recordKinds,
      ...more,
    },
  });
}

const rowCount = (sql: string, params: unknown[]) => countOf(world.pool, sql, params);

describe("consent", () => {
  it("recording one shows the person to the partner, and withdrawing it hides them on the very next request", async () => {
    const owner = await world.signIn(world.owner.users.worker);
    const partner = await world.signIn(world.partner.users.nurse);
    expect((await partner.request<any>(personQuery, { id: world.person.globalId })).data?.person).toBeNull();

    const recorded = await consentToPartner(owner, ["PROFILE", "ENCOUNTERS_SUMMARY"], {
      note: "Consentement verbal",
    });
    const consent = recorded.data?.recordConsent.consent;
    expect(consent).toMatchObject({
      status: "ACTIVE",
      recordKinds: ["PROFILE", "ENCOUNTERS_SUMMARY"],
      granteeOrganisation: { name: "Organisme partenaire" },
    });

    const seen = await partner.request<any>(personQuery, { id: world.person.globalId });
    expect(seen.data?.person.alias).toBe("Éloïse");
    expect(seen.data?.person.encounters.edges).toHaveLength(1);

    const withdrawn = await owner.request<any>(withdrawConsent, { id: consent.id });
    expect(withdrawn.data?.withdrawConsent.consent.status).toBe("WITHDRAWN");

    const after = await partner.request<any>(personQuery, { id: world.person.globalId });
    expect(after.data?.person).toBeNull();

    // History is kept: the withdrawn consent is still listed, never deleted or overwritten.
    const history = await owner.request<any>(
      `query ($id: ID!) { person(id: $id) { consents { status recordKinds note recordedByName } } }`,
      { id: world.person.globalId },
    );
    expect(history.data?.person.consents).toEqual([
      {
        status: "WITHDRAWN",
        recordKinds: ["PROFILE", "ENCOUNTERS_SUMMARY"],
        note: "Consentement verbal",
        recordedByName: world.owner.users.worker.displayName,
      },
    ]);
    const actions = await world.pool.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE organisation_id = $1 AND record_kind = 'CONSENT' ORDER BY id",
      [world.owner.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(["CONSENT_RECORDED", "CONSENT_WITHDRAWN"]);
  });

  it("an expired consent hides the person again", async () => {
    const partnerWorker = await world.signIn(world.partner.users.worker);
    await world.pool.query(
      `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id, starts_at, expires_at)
       VALUES ($1, $2, $3, '{PROFILE}', $4, now() - interval '2 days', now() - interval '1 second')`,
      [world.owner.id, world.person.id, world.partner.id, world.owner.users.worker.id],
    );
    expect(
      (await partnerWorker.request<any>(personQuery, { id: world.person.globalId })).data?.person,
    ).toBeNull();
  });

  it("refuses, with translated field errors and nothing written, what the rules do not allow", async () => {
    const owner = await world.signIn(world.owner.users.coordinator);
    const before = await rowCount("SELECT count(*)::int AS n FROM consents WHERE person_id = $1", [
      world.person.id,
    ]);
    const base = {
      personId: world.person.globalId,
      granteeOrganisationId: world.partner.globalId,
      recordKinds: ["PROFILE"],
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, granteeOrganisationId: world.unrelated.globalId }, "granteeOrganisationId:NOT_A_PARTNER"],
      [{ ...base, granteeOrganisationId: world.owner.globalId }, "granteeOrganisationId:NOT_A_PARTNER"],
      [{ ...base, granteeOrganisationId: null }, "granteeOrganisationId:INVALID_VALUE"],
      [
        { ...base, granteePartnershipId: encodeGlobalID("Partnership", world.partnershipId) },
        "granteeOrganisationId:INVALID_VALUE",
      ],
      [{ ...base, recordKinds: [] }, "recordKinds:TOO_SHORT"],
      [{ ...base, expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt:BEFORE_START"],
      [{ ...base, note: "x".repeat(501) }, "note:TOO_LONG"],
      [{ ...base, personId: encodeGlobalID("Person", world.owner.id) }, "personId:NOT_FOUND"],
    ];
    for (const [input, expected] of cases) {
      const result = await owner.request<any>(recordConsent, { input });
      expect(result.data?.recordConsent.__typename, expected).toBe("InputValidationError");
      const fields = result.data?.recordConsent.fields as { path: string; code: string; message: string }[];
      expect(
        fields.map((f) => `${f.path}:${f.code}`),
        expected,
      ).toContain(expected);
      expect(fields.every((f) => f.message.length > 0)).toBe(true);
    }
    // A consent can never widen the partnership's sharing agreement.
    await world.pool.query(
      `UPDATE sharing_agreements SET record_kinds = '{PROFILE}' WHERE partnership_id = $1`,
      [world.partnershipId],
    );
    const widened = await owner.request<any>(recordConsent, {
      input: { ...base, recordKinds: ["PROFILE", "ACCOMPANIMENTS"] },
    });
    expect(widened.data?.recordConsent.fields).toEqual([
      {
        path: "recordKinds.1",
        code: "NOT_SHARED_BY_AGREEMENT",
        message: "L'entente de partage du partenariat ne permet pas de partager ce type d'information.",
      },
    ]);
    await world.pool.query(
      `UPDATE sharing_agreements SET record_kinds = '{PROFILE,ENCOUNTERS_SUMMARY,ACCOMPANIMENTS,REFERRALS,NURSE_VISIT_LOGISTICS}'
        WHERE partnership_id = $1`,
      [world.partnershipId],
    );
    expect(
      await rowCount("SELECT count(*)::int AS n FROM consents WHERE person_id = $1", [world.person.id]),
    ).toBe(before);
  });

  it("only the owner's workers and coordinators record consent; a partner cannot withdraw the owner's", async () => {
    const nurse = await world.signIn(world.owner.users.nurse);
    const refused = await consentToPartner(nurse, ["PROFILE"]);
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const owner = await world.signIn(world.owner.users.worker);
    const recorded = await consentToPartner(owner, ["PROFILE"]);
    const partner = await world.signIn(world.partner.users.coordinator);
    const attempt = await partner.request<any>(withdrawConsent, {
      id: recorded.data?.recordConsent.consent.id,
    });
    expect(attempt.data?.withdrawConsent).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect((await partner.request<any>(personQuery, { id: world.person.globalId })).data?.person.alias).toBe(
      "Éloïse",
    );
  });
});

describe("sharing agreement", () => {
  const update = `mutation ($input: UpdateSharingAgreementInput!) {
    updateSharingAgreement(input: $input) {
      __typename ... on UpdateSharingAgreementSuccess { sharingAgreement { recordKinds version } } ... on AppError { code }
    }
  }`;

  it("a coordinator narrows it: what it no longer allows is hidden at once; stale versions are refused; changes are audited", async () => {
    const owner = await world.signIn(world.owner.users.worker);
    await consentToPartner(owner, ["PROFILE", "ENCOUNTERS_SUMMARY"]);
    const partner = await world.signIn(world.partner.users.worker);
    const beforeNarrowing = await partner.request<any>(personQuery, { id: world.person.globalId });
    expect(beforeNarrowing.data?.person.encounters.edges).toHaveLength(1);

    const coordinator = await world.signIn(world.partner.users.coordinator);
    const mine = await coordinator.request<any>(
      "{ myPartnerships { id sharingAgreement { version recordKinds } members { name } } }",
    );
    const partnership = mine.data?.myPartnerships[0];
    expect(partnership.members.map((m: { name: string }) => m.name).sort()).toEqual([
      "Organisme partenaire",
      "Organisme propriétaire",
    ]);
    const narrowed = await coordinator.request<any>(update, {
      input: {
        partnershipId: partnership.id,
        recordKinds: ["PROFILE"],
        expectedVersion: partnership.sharingAgreement.version,
      },
    });
    expect(narrowed.data?.updateSharingAgreement.sharingAgreement).toEqual({
      recordKinds: ["PROFILE"],
      version: partnership.sharingAgreement.version + 1,
    });
    const afterNarrowing = await partner.request<any>(personQuery, { id: world.person.globalId });
    expect(afterNarrowing.data?.person.alias).toBe("Éloïse");
    expect(afterNarrowing.data?.person.encounters.edges).toEqual([]);

    const stale = await coordinator.request<any>(update, {
      input: {
        partnershipId: partnership.id,
        recordKinds: [],
        expectedVersion: partnership.sharingAgreement.version,
      },
    });
    expect(stale.data?.updateSharingAgreement).toEqual({ __typename: "ConflictError", code: "CONFLICT" });

    // The current version: only who may change the agreement is in question.
    const emptied = {
      input: {
        partnershipId: partnership.id,
        recordKinds: [],
        expectedVersion: partnership.sharingAgreement.version + 1,
      },
    };
    const worker = await world.signIn(world.partner.users.worker);
    const refused = await worker.request<any>(update, emptied);
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const outsider = await world.signIn(world.unrelated.users.coordinator);
    const foreign = await outsider.request<any>(update, emptied);
    expect(foreign.data?.updateSharingAgreement).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });

    const audit = await world.pool.query<{ details: unknown }>(
      "SELECT details FROM audit_events WHERE action = 'SHARING_AGREEMENT_CHANGED' AND organisation_id = $1",
      [world.partner.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.details).toMatchObject({ to: ["PROFILE"] });
    await coordinator.request<any>(update, {
      input: {
        partnershipId: partnership.id,
        recordKinds: [
          "PROFILE",
          "ENCOUNTERS_SUMMARY",
          "ACCOMPANIMENTS",
          "REFERRALS",
          "NURSE_VISIT_LOGISTICS",
        ],
        expectedVersion: partnership.sharingAgreement.version + 1,
      },
    });
  });
});
