import { describe, expect, it } from "vitest";
import {
  decryptJson,
  deriveVaultKey,
  encryptJson,
  generateDeviceKeys,
  importDevicePrivateKey,
  publicKeyOf,
  randomBytes,
  sameBytes,
  seal,
  unseal,
} from "./sealing.ts";

async function device() {
  const keys = await generateDeviceKeys();
  return { publicKey: keys.publicKey, privateKey: await importDevicePrivateKey(keys.privateJwk), keys };
}

describe("sealing to the device key", () => {
  it("opens with the device's private key what was sealed with its public key alone", async () => {
    const { publicKey, privateKey } = await device();
    const value = { alias: "Mésange", variables: { channel: "IN_PERSON" } };
    const sealed = await seal(publicKey, value, "queue-entry|1|recordEncounter");
    expect(await unseal(privateKey, publicKey, sealed, "queue-entry|1|recordEncounter")).toEqual(value);
  });

  it("uses a fresh ephemeral key and IV for each entry", async () => {
    const { publicKey } = await device();
    const first = await seal(publicKey, "same", "c");
    const second = await seal(publicKey, "same", "c");
    expect(sameBytes(first.ephemeralPublicKey, second.ephemeralPublicKey)).toBe(false);
    expect(sameBytes(first.iv, second.iv)).toBe(false);
    expect(first.iv).toHaveLength(12);
  });

  it("refuses another device's key and an envelope moved to another entry", async () => {
    const mine = await device();
    const theirs = await device();
    const sealed = await seal(mine.publicKey, "secret", "queue-entry|1|recordEncounter");
    await expect(
      unseal(theirs.privateKey, mine.publicKey, sealed, "queue-entry|1|recordEncounter"),
    ).rejects.toThrow();
    await expect(
      unseal(mine.privateKey, mine.publicKey, sealed, "queue-entry|2|recordEncounter"),
    ).rejects.toThrow();
  });

  it("pads plaintexts so that short payloads of different lengths look alike", async () => {
    const { publicKey } = await device();
    const short = await seal(publicKey, "Ana", "c");
    const longer = await seal(publicKey, "Anastasia-Lévesque", "c");
    expect(short.ciphertext.length).toBe(longer.ciphertext.length);
  });

  it("recovers the public point from the private JWK", async () => {
    const { publicKey, keys } = await device();
    expect(sameBytes(await publicKeyOf(keys.privateJwk), publicKey)).toBe(true);
  });
});

describe("the vault key", () => {
  it("is the same for the same secret and opens only its own records", async () => {
    const secret = randomBytes(32);
    const encrypted = await encryptJson(await deriveVaultKey(secret), { persons: ["Colibri"] }, "caseload");
    const again = await deriveVaultKey(new Uint8Array(secret));
    expect(await decryptJson(again, encrypted, "caseload")).toEqual({ persons: ["Colibri"] });
    await expect(decryptJson(again, encrypted, "device-private-key")).rejects.toThrow();
    await expect(decryptJson(await deriveVaultKey(randomBytes(32)), encrypted, "caseload")).rejects.toThrow();
  });

  it("wants a 32-byte secret", async () => {
    expect(() => deriveVaultKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});
