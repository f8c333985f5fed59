// A request repeated with the same Idempotency-Key writes once and gets the first answer again:
// the offline queue's retries after a lost answer (apps/web/src/offline/outbox.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TestClient } from "../testing/graphql-client.ts";
import { usePartnershipWorld } from "../testing/partnership-world.ts";
import { onlyRow } from "../testing/rows.ts";

const world = usePartnershipWorld();

const record = `mutation ($input: RecordEncounterInput!) {
  recordEncounter(input: $input) {
    __typename
    ... on RecordEncounterSuccess { encounter { id note } }
    ... on AppError { code }
  }
}`;

function encounter(note: string) {
  return {
    input: {
      anonymous: { gender: "WOMAN", ageBracket: "AGE_18_25", headCount: 1 },
      channel: "IN_PERSON",
      placeType: "WORKPLACE",
      themes: [],
      materials: [{ item: "CONDOMS", quantity: 2 }],
      note,
    },
  };
}

async function encountersNoted(note: string): Promise<number> {
  const { rows } = await world.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM encounters e JOIN encounter_notes n ON n.encounter_id = e.id
      WHERE e.organisation_id = $1 AND n.body = $2`,
    [world.owner.id, note],
  );
  return onlyRow(rows).n;
}

describe("Idempotency-Key", () => {
  it("a repeated key writes once and answers the first answer again", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `idem-${key}`;
    const first = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    const again = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    expect(first.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    expect(again.data).toEqual(first.data);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await encountersNoted(note)).toBe(1);
  });

  it("concurrent requests with one key write once", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `idem-concurrent-${key}`;
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } }),
      ),
    );
    const ids = answers.map((a) => a.data?.recordEncounter.encounter?.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/\w/);
    expect(await encountersNoted(note)).toBe(1);
  });

  it("the same key with another body is refused and writes nothing", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    await worker.request<any>(record, encounter(`idem-a-${key}`), { headers: { "idempotency-key": key } });
    const other = await worker.request<any>(record, encounter(`idem-b-${key}`), {
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect(other.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await encountersNoted(`idem-b-${key}`)).toBe(0);
  });

  it("a rolled-back operation keeps no answer: its retry runs again", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `idem-rollback-${key}`;
    const bad = { input: { ...encounter(note).input, materials: [{ item: "CONDOMS", quantity: -1 }] } };
    const refused = await worker.request<any>(record, bad, { headers: { "idempotency-key": key } });
    expect(refused.data?.recordEncounter.code).toBe("INPUT_VALIDATION");
    const { rows } = await world.pool.query("SELECT 1 FROM idempotency_keys WHERE key = $1", [key]);
    expect(rows).toHaveLength(0);
    // The same key, now with a good body: the first body left no claim, so this one is new.
    const saved = await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    expect(saved.data?.recordEncounter.__typename).toBe("RecordEncounterSuccess");
    expect(await encountersNoted(note)).toBe(1);
  });

  it("keys are the user's own: another member's same key is another request", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const key = randomUUID();
    const note = `idem-two-users-${key}`;
    await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    const theirs = await coordinator.request<any>(record, encounter(note), {
      headers: { "idempotency-key": key },
    });
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(await encountersNoted(note)).toBe(2);
  });

  it("a key without a valid CSRF token is not honoured (the request is refused as usual)", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const key = randomUUID();
    const note = `idem-csrf-${key}`;
    await worker.request<any>(record, encounter(note), { headers: { "idempotency-key": key } });
    const forged = await worker.request<any>(record, encounter(note), {
      headers: { "idempotency-key": key, "x-csrf-token": "forged" },
    });
    expect(forged.data).toBeFalsy();
    expect(forged.headers.get("idempotent-replayed")).toBeNull();
  });
});

const openVault = `mutation ($input: DeviceInput!) {
  openDeviceVault(input: $input) {
    __typename
    ... on OpenDeviceVaultSuccess { vault { secret expiresAt maxOfflineHours } }
    ... on AppError { code }
  }
}`;
const forget = `mutation ($input: DeviceInput!) {
  forgetDevice(input: $input) { __typename ... on ForgetDeviceSuccess { forgotten } }
}`;

describe("device vaults", () => {
  it("the same secret for the same user and device, another for another device or user, none once forgotten", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const coordinator = await world.signIn(world.owner.users.coordinator);
    const deviceId = randomUUID();
    const secretOf = async (client: typeof worker, id: string) =>
      (await client.request<any>(openVault, { input: { deviceId: id } })).data?.openDeviceVault.vault?.secret;
    const first = await secretOf(worker, deviceId);
    expect(Buffer.from(first, "base64url")).toHaveLength(32);
    expect(await secretOf(worker, deviceId)).toBe(first);
    expect(await secretOf(worker, randomUUID())).not.toBe(first);
    expect(await secretOf(coordinator, deviceId)).not.toBe(first);

    const forgotten = await worker.request<any>(forget, { input: { deviceId } });
    expect(forgotten.data?.forgetDevice.forgotten).toBe(true);
    expect(await secretOf(worker, deviceId)).not.toBe(first);
  });

  it("a signed-out caller gets no secret", async () => {
    const anonymous = new TestClient(world.server.url);
    const answer = await anonymous.request<any>(openVault, { input: { deviceId: randomUUID() } });
    expect(answer.data?.openDeviceVault?.vault).toBeUndefined();
  });

  it("the database shows vaults and kept answers to their own user only", async () => {
    const worker = await world.signIn(world.owner.users.worker);
    const deviceId = randomUUID();
    await worker.request<any>(openVault, { input: { deviceId } });
    const key = randomUUID();
    await worker.request<any>(record, encounter(`idem-rls-${key}`), { headers: { "idempotency-key": key } });
    const kept = await world.pool.query("SELECT 1 FROM idempotency_keys WHERE key = $1", [key]);
    expect(kept.rows).toHaveLength(1);
    const client = await world.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL ROLE maillage_app");
      await client.query("SELECT set_config('app.user_id', $1, true)", [world.owner.users.coordinator.id]);
      await client.query("SELECT set_config('app.org_id', $1, true)", [world.owner.id]);
      const seen = await client.query("SELECT secret FROM device_vaults WHERE device_id = $1", [deviceId]);
      expect(seen.rows).toHaveLength(0);
      const keys = await client.query<{ user_id: string }>("SELECT user_id FROM idempotency_keys");
      expect(keys.rows.map((row) => row.user_id)).toEqual(
        keys.rows.map(() => world.owner.users.coordinator.id),
      );
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
