import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { generateDeviceKeys } from "./sealing.ts";
import { openVault, VaultError, vaultDatabaseName, wipeVault } from "./vault.ts";
import { clock, databaseNames, fakeApi, randomSecret, rawRecords, textOf } from "./vault-testing.ts";

afterEach(async () => {
  await wipeVault();
});

const encounter = (alias: string) => ({
  operation: "RecordEncounter",
  variables: { input: { alias, channel: "IN_PERSON", themes: ["HOUSING"] } },
});

describe("an unlocked vault", () => {
  it("keeps entries in creation order with their payload and summary", async () => {
    const api = fakeApi();
    const vault = await openVault({ unlock: api.unlock });
    expect(vault.state).toBe("unlocked");
    const first = await vault.enqueue("recordEncounter", encounter("Mésange"), "Rencontre avec Mésange");
    const second = await vault.enqueue("recordEncounter", encounter("Colibri"), "Rencontre avec Colibri");
    const entries = await vault.entries();
    expect(entries.map((entry) => entry.id)).toEqual([first, second]);
    expect(entries[0]).toMatchObject({
      readable: true,
      kind: "recordEncounter",
      status: "waiting",
      attempts: 0,
      payload: encounter("Mésange"),
      summary: "Rencontre avec Mésange",
      lastError: null,
    });
    expect(await vault.counts()).toEqual({ waiting: 2, failed: 0 });
  });

  it("keeps the caseload encrypted under the vault key", async () => {
    const vault = await openVault({ unlock: fakeApi().unlock });
    expect(await vault.caseload()).toBeNull();
    await vault.saveCaseload([{ id: "UGVyc29uOjE=", alias: "Colibri" }]);
    expect((await vault.caseload())?.persons).toEqual([{ id: "UGVyc29uOjE=", alias: "Colibri" }]);
  });

  it("marks a rejected entry failed with its reason, and a fix takes its place under a new id", async () => {
    const vault = await openVault({ unlock: fakeApi().unlock });
    const rejected = await vault.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    const later = await vault.enqueue("recordEncounter", encounter("Colibri"), "Rencontre 2");
    await vault.markFailed(rejected, "La date est dans le futur.");
    expect(await vault.counts()).toEqual({ waiting: 1, failed: 1 });
    expect((await vault.entries())[0]).toMatchObject({
      status: "failed",
      lastError: "La date est dans le futur.",
    });

    const fixed = await vault.replace(rejected, encounter("Mésange-2"));
    expect(fixed).not.toBe(rejected);
    const entries = await vault.entries();
    expect(entries.map((entry) => entry.id)).toEqual([fixed, later]);
    expect(entries[0]).toMatchObject({
      status: "waiting",
      attempts: 0,
      lastError: null,
      summary: "Rencontre",
      payload: encounter("Mésange-2"),
    });
    await vault.discard(fixed);
    await vault.markSent(later);
    expect(await vault.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("tells its subscribers about changes", async () => {
    const vault = await openVault({ unlock: fakeApi().unlock });
    let calls = 0;
    const unsubscribe = vault.subscribe(() => {
      calls += 1;
    });
    await vault.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    expect(calls).toBe(1);
    unsubscribe();
    await vault.enqueue("recordEncounter", encounter("Colibri"), "Rencontre");
    expect(calls).toBe(1);
  });
});

describe("after an offline reload", () => {
  it("is locked: entries can be added and counted, not read, until the API is reached", async () => {
    const api = fakeApi();
    const before = await openVault({ unlock: api.unlock });
    await before.enqueue("recordEncounter", encounter("Mésange"), "Avant");
    await before.saveCaseload([{ alias: "Colibri" }]);

    api.reachable = false;
    const vault = await openVault({ unlock: api.unlock });
    expect(vault.state).toBe("locked");
    const offline = await vault.enqueue("recordEncounter", encounter("Héron"), "Pendant");
    expect(await vault.counts()).toEqual({ waiting: 2, failed: 0 });
    await expect(vault.entries()).rejects.toThrow(VaultError);
    await expect(vault.caseload()).rejects.toMatchObject({ reason: "locked" });

    api.reachable = true;
    expect(await vault.unlock()).toBe("unlocked");
    const entries = await vault.entries();
    expect(entries.map((entry) => (entry.readable ? entry.summary : null))).toEqual(["Avant", "Pendant"]);
    expect(entries[1]?.id).toBe(offline);
    expect((await vault.caseload())?.persons).toEqual([{ alias: "Colibri" }]);
  });

  it("cannot queue on a device that was never unlocked", async () => {
    const api = fakeApi();
    api.reachable = false;
    const vault = await openVault({ unlock: api.unlock });
    expect(vault.state).toBe("unavailable");
    await expect(vault.enqueue("recordEncounter", encounter("Mésange"), "x")).rejects.toMatchObject({
      reason: "unavailable",
    });
  });

  it("shows an entry sealed to a replaced public key as unreadable, and puts its own key back", async () => {
    const api = fakeApi();
    await openVault({ unlock: api.unlock });
    // Someone with the phone swaps the readable public key for one they hold.
    const intruder = await generateDeviceKeys();
    await replaceStoredPublicKey(intruder.publicKey);

    api.reachable = false;
    const locked = await openVault({ unlock: api.unlock });
    await locked.enqueue("recordEncounter", encounter("Mésange"), "Sealed to the intruder");
    api.reachable = true;
    await locked.unlock();
    const [entry] = await locked.entries();
    expect(entry).toMatchObject({ readable: false, status: "failed" });
    await locked.enqueue("recordEncounter", encounter("Colibri"), "Sealed to us");
    expect((await locked.entries())[1]).toMatchObject({ readable: true, summary: "Sealed to us" });
  });
});

describe("wiping", () => {
  it("wipes everything when the API hands another secret, then starts afresh", async () => {
    const api = fakeApi();
    const first = await openVault({ unlock: api.unlock });
    await first.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    await first.saveCaseload([{ alias: "Colibri" }]);

    api.secretOverride = randomSecret();
    const vault = await openVault({ unlock: api.unlock });
    expect(vault.lastWipe).toBe("another-secret");
    expect(vault.state).toBe("unlocked");
    expect(await vault.counts()).toEqual({ waiting: 0, failed: 0 });
    expect(await vault.caseload()).toBeNull();
    // Asked again under a new device id, the wiped one being gone.
    expect(new Set(api.calls).size).toBe(2);
  });

  it("stays locked, keeping its entries, when the API answers UNAUTHENTICATED; the same user's next sign-in opens it", async () => {
    const api = fakeApi();
    const first = await openVault({ unlock: api.unlock });
    await first.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");

    api.signedIn = false;
    const vault = await openVault({ unlock: api.unlock });
    expect(vault.lastWipe).toBeNull();
    expect(vault.state).toBe("locked");
    expect(await vault.counts()).toEqual({ waiting: 1, failed: 0 });
    await expect(vault.entries()).rejects.toMatchObject({ reason: "locked" });

    api.signedIn = true;
    expect(await vault.unlock()).toBe("unlocked");
    expect((await vault.entries()).map((entry) => entry.readable && entry.summary)).toEqual(["Rencontre"]);
  });

  it("wipes on open once the offline time limit has passed, not before", async () => {
    const api = fakeApi({ maxOfflineHours: 12 });
    const time = clock();
    const first = await openVault({ unlock: api.unlock, now: () => time.now });
    await first.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    api.reachable = false;

    time.advanceHours(11);
    const withinLimit = await openVault({ unlock: api.unlock, now: () => time.now });
    expect(withinLimit.state).toBe("locked");
    expect(await withinLimit.counts()).toEqual({ waiting: 1, failed: 0 });
    expect(await withinLimit.deadline()).toBe(time.now + 3_600_000);

    time.advanceHours(2);
    const past = await openVault({ unlock: api.unlock, now: () => time.now });
    expect(past.lastWipe).toBe("offline-limit");
    expect(past.state).toBe("unavailable");
    expect(await past.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("wipes an unlocked vault whose page stayed open past the limit", async () => {
    const api = fakeApi({ maxOfflineHours: 12 });
    const time = clock();
    const vault = await openVault({ unlock: api.unlock, now: () => time.now });
    await vault.saveCaseload([{ alias: "Colibri" }]);
    time.advanceHours(13);
    await expect(vault.caseload()).rejects.toMatchObject({ reason: "unavailable" });
    expect(vault.lastWipe).toBe("offline-limit");
  });

  it("counts the limit from the last contact with the API", async () => {
    const api = fakeApi({ maxOfflineHours: 12 });
    const time = clock();
    const vault = await openVault({ unlock: api.unlock, now: () => time.now });
    await vault.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    time.advanceHours(10);
    await vault.unlock();
    time.advanceHours(10);
    expect(await vault.counts()).toEqual({ waiting: 1, failed: 0 });
  });

  it("wipeVault at sign-out leaves no database and closes the open vaults", async () => {
    const vault = await openVault({ unlock: fakeApi().unlock });
    await vault.enqueue("recordEncounter", encounter("Mésange"), "Rencontre");
    await vault.saveCaseload([{ alias: "Colibri" }]);
    expect(await databaseNames()).toContain(vaultDatabaseName);

    await wipeVault();
    expect(await databaseNames()).not.toContain(vaultDatabaseName);
    expect(vault.state).toBe("unavailable");
    await expect(vault.counts()).rejects.toMatchObject({ reason: "closed" });
    expect(await databaseNames()).not.toContain(vaultDatabaseName);
  });
});

describe("what IndexedDB holds", () => {
  it("holds no alias, summary, error reason nor the secret in readable form", async () => {
    const api = fakeApi();
    const secrets: string[] = [];
    const vault = await openVault({
      unlock: async (deviceId) => {
        const grant = await api.unlock(deviceId);
        if (grant !== "UNAUTHENTICATED") secrets.push(grant.secret);
        return grant;
      },
    });
    const id = await vault.enqueue(
      "recordEncounter",
      encounter("Mésange-Bleue-4471"),
      "Vue au parc Lafontaine",
    );
    await vault.enqueue("recordEncounter", encounter("Héron-Cendré-0932"), "Appel");
    await vault.markFailed(id, "Mésange-Bleue-4471 est déjà suivie");
    await vault.saveCaseload([{ alias: "Colibri-Rouge-8812", birthYear: 1994 }]);

    const text = textOf(await rawRecords(vaultDatabaseName));
    // The readable parts are there (so this search does see the stored strings)…
    expect(text).toContain("recordEncounter");
    expect(text).toContain(id);
    // …and nothing about a person.
    for (const plaintext of [
      "Mésange-Bleue",
      "Héron-Cendré",
      "Colibri-Rouge",
      "Lafontaine",
      "Appel",
      "déjà suivie",
    ]) {
      expect(text).not.toContain(plaintext);
    }
    expect(secrets).toHaveLength(1);
    expect(text).not.toContain(secrets[0]);
  });
});

async function replaceStoredPublicKey(publicKey: Uint8Array) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(vaultDatabaseName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const store = db.transaction("meta", "readwrite").objectStore("meta");
    const read = store.get("device");
    read.onsuccess = () => {
      const write = store.put({ ...read.result, publicKey }, "device");
      write.onsuccess = () => resolve();
      write.onerror = () => reject(write.error);
    };
  });
  db.close();
}
