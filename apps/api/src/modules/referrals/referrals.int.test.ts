import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();

const send = `mutation ($input: SendReferralInput!) {
  sendReferral(input: $input) {
    __typename
    ... on SendReferralSuccess { referral { id status version person { alias } } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code } }
  }
}`;
const transition = `mutation ($input: TransitionReferralInput!) {
  transitionReferral(input: $input) {
    __typename
    ... on TransitionReferralSuccess { referral { status version outcome transitions { fromStatus toStatus message byOrganisation { name } } } }
    ... on InvalidTransitionError { from to }
    ... on AppError { code }
    ... on InputValidationError { fields { path code } }
  }
}`;
const recordConsent = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { __typename ... on RecordConsentSuccess { consent { id } } } }`;

async function consentToPartner(client: TestClient, kinds = ["PROFILE"]) {
  const result = await client.request<any>(recordConsent, {
    input: {
      personId: world.person.globalId,
      granteeOrganisationId: world.partner.globalId,
      recordKinds: kinds,
    },
  });
  return result.data?.recordConsent.consent.id as string;
}

async function sendOne(client: TestClient, urgency = "SOON") {
  const result = await client.request<any>(send, {
    input: {
      personId: world.person.globalId,
      toOrganisationId: world.partner.globalId,
      reason: "Dépistage ITSS",
      serviceRequested: "Rendez-vous infirmier",
      urgency,
      message: "Elle préfère le matin",
    },
  });
  return result.data?.sendReferral;
}

async function move(
  client: TestClient,
  referral: { id: string; version: number },
  to: string,
  extra: Record<string, unknown> = {},
) {
  return (
    await client.request<any>(transition, {
      input: { referralId: referral.id, to, expectedVersion: referral.version, ...extra },
    })
  ).data?.transitionReferral;
}

describe("referrals", () => {
  it("needs a consent naming the receiver; then the receiver sees the shared profile", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    expect(await sendOne(sender)).toMatchObject({
      __typename: "ConsentRequiredError",
      code: "CONSENT_REQUIRED",
    });
    const toUnrelated = await sender.request<any>(send, {
      input: {
        personId: world.person.globalId,
        toOrganisationId: world.unrelated.globalId,
        reason: "x",
        serviceRequested: "y",
        urgency: "ROUTINE",
      },
    });
    expect(toUnrelated.data?.sendReferral.fields).toEqual([
      { path: "toOrganisationId", code: "NOT_A_PARTNER" },
    ]);
    await consentToPartner(sender);
    const sent = await sendOne(sender);
    expect(sent).toMatchObject({
      __typename: "SendReferralSuccess",
      referral: { status: "SENT", version: 1 },
    });
    const receiver = await world.signIn(world.partner.users.nurse);
    const inbox = await receiver.request<any>(
      `{ referrals(box: INBOX, view: NEW, first: 10) { edges { node { id status person { alias legalName encounters(first: 5) { edges { node { id } } } } consentInForce } } } }`,
    );
    expect(inbox.data?.referrals.edges).toEqual([
      {
        node: {
          id: sent.referral.id,
          status: "SENT",
          consentInForce: true,
          // Only what the consent names: the profile, no encounters, never the legal name.
          person: { alias: "Éloïse", legalName: null, encounters: { edges: [] } },
        },
      },
    ]);
    const counts = await receiver.request<any>(
      "{ referralCounts { inboxUnread outboxUnread inboxOverdue } }",
    );
    expect(counts.data?.referralCounts).toEqual({ inboxUnread: 1, outboxUnread: 0, inboxOverdue: 0 });
    await receiver.request(`mutation ($id: ID!) { markReferralRead(referralId: $id) }`, {
      id: sent.referral.id,
    });
    expect(
      (await receiver.request<any>("{ referralCounts { inboxUnread } }")).data?.referralCounts.inboxUnread,
    ).toBe(0);
  });

  it("goes through every legal transition with its history, and refuses every illegal one", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    const receiver = await world.signIn(world.partner.users.coordinator);
    const { referral } = await sendOne(sender);
    // Illegal: the sender cannot accept; nobody can jump to IN_PROGRESS from SENT.
    expect(await move(sender, referral, "ACCEPTED")).toEqual({
      __typename: "InvalidTransitionError",
      code: "INVALID_TRANSITION",
      from: "SENT",
      to: "ACCEPTED",
    });
    expect((await move(receiver, referral, "IN_PROGRESS")).__typename).toBe("InvalidTransitionError");
    expect((await move(receiver, referral, "WITHDRAWN")).__typename).toBe("InvalidTransitionError");
    const accepted = await move(receiver, referral, "ACCEPTED", { message: "On s'en occupe" });
    expect(accepted.referral).toMatchObject({ status: "ACCEPTED", version: 2 });
    expect((await move(sender, { id: referral.id, version: 2 }, "WITHDRAWN")).__typename).toBe(
      "InvalidTransitionError",
    );
    const started = await move(receiver, { id: referral.id, version: 2 }, "IN_PROGRESS");
    expect(started.referral.status).toBe("IN_PROGRESS");
    const noOutcome = await move(receiver, { id: referral.id, version: 3 }, "COMPLETED");
    expect(noOutcome.fields).toEqual([{ path: "outcome", code: "REQUIRED" }]);
    const completed = await move(receiver, { id: referral.id, version: 3 }, "COMPLETED", {
      outcome: "CONNECTED_TO_SERVICE",
      outcomeNote: "Vue en clinique",
    });
    expect(completed.referral.transitions.map((t: any) => `${t.fromStatus ?? "-"}→${t.toStatus}`)).toEqual([
      "-→SENT",
      "SENT→ACCEPTED",
      "ACCEPTED→IN_PROGRESS",
      "IN_PROGRESS→COMPLETED",
    ]);
    expect(completed.referral.transitions[1]).toMatchObject({
      message: "On s'en occupe",
      byOrganisation: { name: "Organisme partenaire" },
    });
    for (const to of ["SENT", "ACCEPTED", "DECLINED", "IN_PROGRESS", "CLOSED_NO_CONTACT", "WITHDRAWN"]) {
      expect(
        (await move(receiver, { id: referral.id, version: 4 }, to, { outcome: "OTHER", message: "x" }))
          .__typename,
      ).toBe("InvalidTransitionError");
    }
    // The sender learns the outcome (closed loop).
    const file = await sender.request<any>(
      `query ($id: ID!) { node(id: $id) { ... on Referral { status outcome outcomeNote } } }`,
      { id: referral.id },
    );
    expect(file.data?.node).toEqual({
      status: "COMPLETED",
      outcome: "CONNECTED_TO_SERVICE",
      outcomeNote: "Vue en clinique",
    });
    const counts = await sender.request<any>("{ referralCounts { outboxUnread } }");
    expect(counts.data?.referralCounts.outboxUnread).toBeGreaterThanOrEqual(1);

    const other = (await sendOne(sender)).referral;
    expect((await move(receiver, other, "DECLINED")).fields).toEqual([{ path: "message", code: "REQUIRED" }]);
    expect((await move(receiver, other, "DECLINED", { message: "Hors territoire" })).referral.status).toBe(
      "DECLINED",
    );
    const third = (await sendOne(sender)).referral;
    expect((await move(sender, third, "WITHDRAWN")).referral.status).toBe("WITHDRAWN");
    const fourth = (await sendOne(sender)).referral;
    await move(receiver, fourth, "ACCEPTED");
    expect(
      (
        await move(receiver, { id: fourth.id, version: 2 }, "CLOSED_NO_CONTACT", {
          outcome: "PERSON_NOT_REACHED",
        })
      ).referral,
    ).toMatchObject({
      status: "CLOSED_NO_CONTACT",
      outcome: "PERSON_NOT_REACHED",
    });
  });

  it("of two concurrent transitions, exactly one wins", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    const { referral } = await sendOne(sender);
    const nurse = await world.signIn(world.partner.users.nurse);
    const coordinator = await world.signIn(world.partner.users.coordinator);
    const results = await Promise.all([
      move(nurse, referral, "ACCEPTED"),
      move(coordinator, referral, "DECLINED", { message: "Non" }),
    ]);
    const kinds = results.map((r) => r.__typename).sort();
    expect(kinds).toEqual(["ConflictError", "TransitionReferralSuccess"]);
    const { rows } = await world.pool.query(
      "SELECT to_status FROM referral_transitions WHERE referral_id = $1",
      [Buffer.from(referral.id, "base64").toString().split(":")[1]],
    );
    expect(rows).toHaveLength(2);
  });

  it("withdrawing the consent during an open referral hides the person from the receiver at once", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    const consentId = await consentToPartner(sender);
    const { referral } = await sendOne(sender);
    const receiver = await world.signIn(world.partner.users.worker);
    const query = `query ($id: ID!) { node(id: $id) { ... on Referral { status consentInForce person { alias } } } }`;
    expect((await receiver.request<any>(query, { id: referral.id })).data?.node).toEqual({
      status: "SENT",
      consentInForce: true,
      person: { alias: "Éloïse" },
    });
    // Withdraw every consent naming the partner.
    const consents = await world.pool.query<{ id: string }>(
      "SELECT id FROM consents WHERE person_id = $1 AND withdrawn_at IS NULL",
      [world.person.id],
    );
    for (const { id } of consents.rows) {
      await sender.request(
        `mutation ($id: ID!) { withdrawConsent(input: { consentId: $id }) { __typename } }`,
        {
          id: encodeGlobalID("Consent", id),
        },
      );
    }
    // The loop withdrew something, and the consent recorded above among it.
    expect(consents.rows.map(({ id }) => encodeGlobalID("Consent", id))).toContain(consentId);
    expect((await receiver.request<any>(query, { id: referral.id })).data?.node).toEqual({
      status: "SENT",
      consentInForce: false,
      person: null,
    });
    expect(await sendOne(sender)).toMatchObject({ __typename: "ConsentRequiredError" });
  });

  it("an unanswered referral becomes overdue after the receiver's delay for its urgency", async () => {
    const sender = await world.signIn(world.owner.users.worker);
    await consentToPartner(sender);
    const urgent = (await sendOne(sender, "URGENT")).referral;
    const routine = (await sendOne(sender, "ROUTINE")).referral;
    const raw = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1];
    await world.pool.query(
      "UPDATE referrals SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])",
      [[raw(urgent.id), raw(routine.id)]],
    );
    const receiver = await world.signIn(world.partner.users.coordinator);
    const overdue = await receiver.request<any>(
      `{ referrals(box: INBOX, view: OVERDUE, first: 20) { edges { node { id overdue } } } }`,
    );
    expect(overdue.data?.referrals.edges.map((e: any) => e.node)).toEqual([{ id: urgent.id, overdue: true }]);
    // Each organisation sets its own delays.
    await world.pool.query("UPDATE organisations SET referral_answer_days_routine = 1 WHERE id = $1", [
      world.partner.id,
    ]);
    const after = await receiver.request<any>(
      `{ referralCounts { inboxOverdue } referrals(box: INBOX, view: OVERDUE, first: 20) { edges { node { id } } } }`,
    );
    expect(after.data?.referrals.edges).toHaveLength(2);
    expect(after.data?.referralCounts.inboxOverdue).toBe(2);
    const outbox = await sender.request<any>(
      `{ referrals(box: OUTBOX, view: OVERDUE, first: 20) { edges { node { id } } } }`,
    );
    expect(outbox.data?.referrals.edges).toHaveLength(2);
  });
});

describe("referral lists", () => {
  it("take the same number of SQL statements whatever the page size (no query per row)", async () => {
    const receiver = await world.signIn(world.partner.users.coordinator);
    const inbox = `query ($first: Int) { referrals(box: INBOX, first: $first) { edges { node { id status person { alias } fromOrganisation { name } } } } }`;
    const counts: number[] = [];
    for (const first of [1, 6]) {
      world.server.statements.reset();
      const result = await receiver.request<any>(inbox, { first });
      expect(result.data?.referrals.edges).toHaveLength(first);
      counts.push(world.server.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe("safety alerts", () => {
  const publish = `mutation ($input: PublishSafetyAlertInput!) {
    publishSafetyAlert(input: $input) { __typename ... on PublishSafetyAlertSuccess { alert { id area } } ... on InputValidationError { fields { path code } } }
  }`;
  it("a coordinator publishes to the partnership; every member's workers see it until it expires", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const partnershipId = encodeGlobalID("Partnership", world.partnershipId);
    const base = {
      partnershipId,
      whatHappened: "Client violent, a refusé de payer",
      aggressorDescription: "Homme, 40 ans, tatouage au cou",
      vehicleDescription: "Camionnette grise",
      area: "Secteur Lévis-Centre",
      occurredOn: new Date().toISOString().slice(0, 10),
    };
    const published = await coordinator.request<any>(publish, {
      input: { ...base, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(published.data?.publishSafetyAlert.alert.area).toBe("Secteur Lévis-Centre");
    const expired = await coordinator.request<any>(publish, {
      input: { ...base, expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(expired.data?.publishSafetyAlert.fields).toEqual([{ path: "expiresAt", code: "IN_THE_PAST" }]);
    const worker = await world.signIn(world.owner.users.worker);
    const refused = await worker.request<any>(publish, {
      input: { ...base, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const alerts = `{ activeSafetyAlerts(first: 10) { edges { node { id area } } } }`;
    const partnerWorker = await world.signIn(world.partner.users.worker);
    expect((await partnerWorker.request<any>(alerts)).data?.activeSafetyAlerts.edges).toHaveLength(1);
    const outsider = await world.signIn(world.unrelated.users.worker);
    expect((await outsider.request<any>(alerts)).data?.activeSafetyAlerts.edges).toEqual([]);
    // It expires by itself.
    await world.pool.query(
      "UPDATE safety_alerts SET expires_at = now() - interval '1 minute' WHERE partnership_id = $1",
      [world.partnershipId],
    );
    expect((await partnerWorker.request<any>(alerts)).data?.activeSafetyAlerts.edges).toEqual([]);
  });
});
