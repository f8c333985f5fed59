import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/graphql-client.ts";
import { usePartnershipWorld } from "../../testing/partnership-world.ts";

const world = usePartnershipWorld();

const publish = `mutation ($input: PublishSafetyAlertInput!) {
  publishSafetyAlert(input: $input) {
    __typename ... on PublishSafetyAlertSuccess { alert { id area withdrawable } } ... on InputValidationError { fields { path code } }
  }
}`;
const withdraw = `mutation ($id: ID!) {
  withdrawSafetyAlert(id: $id) { __typename ... on WithdrawSafetyAlertSuccess { alert { id } } ... on AppError { code } }
}`;
const active = `{ activeSafetyAlerts(first: 20) { edges { node { id withdrawable } } } }`;

let areaNumber = 0;
async function publishAlert(client: TestClient, whatHappened: string, checked?: boolean) {
  const input = {
    partnershipId: encodeGlobalID("Partnership", world.partnershipId),
    whatHappened,
    area: `Secteur ${++areaNumber}`,
    occurredOn: new Date().toISOString().slice(0, 10),
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...(checked === undefined ? {} : { checkedNoOneIdentifiable: checked }),
  };
  return (await client.request<any>(publish, { input })).data?.publishSafetyAlert;
}

async function eventsOf(alertId: string) {
  const id = Buffer.from(alertId, "base64").toString().split(":")[1];
  const { rows } = await world.pool.query<{ action: string; details: unknown; user_id: string }>(
    "SELECT action, details, user_id FROM audit_events WHERE record_kind = 'SAFETY_ALERT' AND record_id = $1 ORDER BY id",
    [id],
  );
  return rows;
}

const ids = (answer: any): string[] => answer.data?.activeSafetyAlerts.edges.map((e: any) => e.node.id);

describe("withdrawing a safety alert", () => {
  it("the publishing organisation's coordinator withdraws it (audited); no one else may", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const published = await publishAlert(coordinator, "Client violent, a refusé de payer.");
    expect(published).toMatchObject({
      __typename: "PublishSafetyAlertSuccess",
      alert: { withdrawable: true },
    });
    const alertId: string = published.alert.id;

    // The partner's coordinator sees it but may not take it down; the owner's worker neither.
    const partnerCoordinator = await world.signIn(world.partner.users.coordinator);
    const seenByPartner = (await partnerCoordinator.request<any>(active)).data?.activeSafetyAlerts.edges;
    expect(seenByPartner.find((e: any) => e.node.id === alertId)?.node.withdrawable).toBe(false);
    for (const user of [
      world.partner.users.coordinator,
      world.owner.users.worker,
      world.unrelated.users.coordinator,
    ]) {
      const client = await world.signIn(user);
      const refused = await client.request<any>(withdraw, { id: alertId });
      expect(refused.data?.withdrawSafetyAlert ?? refused.errors?.[0]?.extensions).toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(ids(await partnerCoordinator.request<any>(active))).toContain(alertId);
    expect(await eventsOf(alertId)).toEqual([
      { action: "SAFETY_ALERT_PUBLISHED", details: null, user_id: world.owner.users.coordinator.id },
    ]);

    const done = await coordinator.request<any>(withdraw, { id: alertId });
    expect(done.data?.withdrawSafetyAlert).toEqual({
      __typename: "WithdrawSafetyAlertSuccess",
      alert: { id: alertId },
    });
    expect(ids(await partnerCoordinator.request<any>(active))).not.toContain(alertId);
    // Withdrawing again changes nothing and writes no second event.
    await coordinator.request<any>(withdraw, { id: alertId });
    expect((await eventsOf(alertId)).map((e) => e.action)).toEqual([
      "SAFETY_ALERT_PUBLISHED",
      "SAFETY_ALERT_WITHDRAWN",
    ]);
  });
});

describe("the check that an alert's text may identify someone", () => {
  it("refuses a text that looks like it names a person until the writer ticks that she checked, and audits it", async () => {
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const text = "Il a frappé Jessica, 23 ans, près du métro.";
    expect(await publishAlert(coordinator, text)).toEqual({
      __typename: "InputValidationError",
      fields: [{ path: "whatHappened", code: "MAY_IDENTIFY_SOMEONE" }],
    });
    expect(await publishAlert(coordinator, text, false)).toMatchObject({
      __typename: "InputValidationError",
    });
    const published = await publishAlert(coordinator, text, true);
    expect(published.__typename).toBe("PublishSafetyAlertSuccess");
    expect(await eventsOf(published.alert.id)).toEqual([
      {
        action: "SAFETY_ALERT_PUBLISHED",
        details: { identifyingWarning: ["NAME", "AGE"], overridden: true },
        user_id: world.owner.users.coordinator.id,
      },
    ]);
    // The audit log says so; the alert's area is named to who may read alerts (not an admin alone).
    const logQuery = `{ auditLog(first: 5, filter: { action: SAFETY_ALERT_PUBLISHED }) { edges { node { identifyingWarningOverridden record { label } } } } }`;
    expect((await coordinator.request<any>(logQuery)).data?.auditLog.edges[0].node).toEqual({
      identifyingWarningOverridden: true,
      record: { label: published.alert.area },
    });
    const admin = await world.signIn(world.owner.users.admin);
    expect((await admin.request<any>(logQuery)).data?.auditLog.edges[0].node).toEqual({
      identifyingWarningOverridden: true,
      record: { label: null },
    });
  });
});
