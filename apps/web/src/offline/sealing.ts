/**
 * The cryptography of the offline vault, on WebCrypto only (browsers, and Node 20 for tests).
 *
 * - A queue entry is sealed to the device's public key (ECIES): a fresh ephemeral ECDH P-256
 *   pair per entry, ECDH with the device key → HKDF-SHA-256 → AES-GCM-256, random 12-byte IV.
 *   Sealing needs no secret, so an entry can be written while the vault is locked; opening needs
 *   the device private key, which only an unlocked vault holds (in memory).
 * - The device private key and the caseload are encrypted under the vault key, derived with
 *   HKDF-SHA-256 (info "maillage-vault-v1") from the 32-byte secret the API hands a signed-in
 *   device. The secret itself is never stored.
 * Every ciphertext is bound to what it is (additional data), so a record cannot be moved to
 * another place (a caseload posing as a key, one entry's body under another entry's id).
 */

export type Bytes = Uint8Array<ArrayBuffer>;

/** AES-GCM output under a symmetric key. */
export interface Encrypted {
  iv: Bytes;
  ciphertext: Bytes;
}

/** An ECIES envelope: the ephemeral public key (raw, uncompressed point) with the ciphertext. */
export interface Sealed extends Encrypted {
  ephemeralPublicKey: Bytes;
}

const subtle = () => globalThis.crypto.subtle;
const ecdh = { name: "ECDH", namedCurve: "P-256" } as const;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const queueInfo = encoder.encode("maillage-queue-v1");
const vaultInfo = encoder.encode("maillage-vault-v1");
/** Plaintexts are padded to a multiple of this, so a ciphertext's length says little. */
const paddingBlock = 256;

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function base64UrlDecode(text: string): Bytes {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** JSON padded with spaces (JSON.parse ignores them) to a multiple of `paddingBlock` bytes. */
function encodeJson(value: unknown): Bytes {
  const json = encoder.encode(JSON.stringify(value));
  const padded = new Uint8Array(Math.ceil((json.length + 1) / paddingBlock) * paddingBlock).fill(0x20);
  padded.set(json);
  return padded;
}

function decodeJson(bytes: ArrayBuffer): unknown {
  return JSON.parse(decoder.decode(bytes));
}

/** An AES-GCM-256 key, not extractable, from HKDF-SHA-256. */
async function hkdfAesKey(secret: BufferSource, salt: BufferSource, info: BufferSource, usages: KeyUsage[]) {
  const material = await subtle().importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  return subtle().deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    usages,
  );
}

/** The vault key, from the API's 32-byte secret (uniformly random: no salt needed). */
export function deriveVaultKey(secret: Bytes): Promise<CryptoKey> {
  if (secret.length !== 32) throw new Error("the vault secret must be 32 bytes");
  return hkdfAesKey(secret, new Uint8Array(0), vaultInfo, ["encrypt", "decrypt"]);
}

export async function encryptJson(key: CryptoKey, value: unknown, context: string): Promise<Encrypted> {
  const iv = randomBytes(12);
  const ciphertext = await subtle().encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encodeJson(value),
  );
  return { iv, ciphertext: new Uint8Array(ciphertext) };
}

/** Throws when the key is not the one that encrypted, or the record was altered or moved. */
export async function decryptJson(key: CryptoKey, encrypted: Encrypted, context: string): Promise<unknown> {
  const plaintext = await subtle().decrypt(
    { name: "AES-GCM", iv: encrypted.iv, additionalData: encoder.encode(context) },
    key,
    encrypted.ciphertext,
  );
  return decodeJson(plaintext);
}

export interface DeviceKeys {
  /** Raw uncompressed P-256 point: public, kept readable so a locked vault can seal. */
  publicKey: Bytes;
  /** The private key as JWK, to be encrypted under the vault key before it is stored. */
  privateJwk: JsonWebKey;
}

export async function generateDeviceKeys(): Promise<DeviceKeys> {
  const pair = await subtle().generateKey(ecdh, true, ["deriveBits"]);
  return {
    publicKey: new Uint8Array(await subtle().exportKey("raw", pair.publicKey)),
    privateJwk: await subtle().exportKey("jwk", pair.privateKey),
  };
}

/** The private key for opening, not extractable from memory once imported. */
export function importDevicePrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return subtle().importKey("jwk", jwk, ecdh, false, ["deriveBits"]);
}

/** The raw public point of a private key (its JWK carries x and y). */
export async function publicKeyOf(privateJwk: JsonWebKey): Promise<Bytes> {
  const { d: _private, key_ops: _usages, ...publicJwk } = privateJwk;
  const key = await subtle().importKey("jwk", publicJwk, ecdh, true, []);
  return new Uint8Array(await subtle().exportKey("raw", key));
}

export function sameBytes(left: Bytes, right: Bytes): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

async function entryKey(
  sharedSecret: ArrayBuffer,
  ephemeralPublicKey: Bytes,
  devicePublicKey: Bytes,
  usage: KeyUsage,
) {
  const salt = new Uint8Array(ephemeralPublicKey.length + devicePublicKey.length);
  salt.set(ephemeralPublicKey);
  salt.set(devicePublicKey, ephemeralPublicKey.length);
  return hkdfAesKey(sharedSecret, salt, queueInfo, [usage]);
}

/** Seals a value to the device public key; needs no secret. */
export async function seal(devicePublicKey: Bytes, value: unknown, context: string): Promise<Sealed> {
  const recipient = await subtle().importKey("raw", devicePublicKey, ecdh, false, []);
  const ephemeral = await subtle().generateKey(ecdh, true, ["deriveBits"]);
  const ephemeralPublicKey = new Uint8Array(await subtle().exportKey("raw", ephemeral.publicKey));
  const shared = await subtle().deriveBits({ name: "ECDH", public: recipient }, ephemeral.privateKey, 256);
  const key = await entryKey(shared, ephemeralPublicKey, devicePublicKey, "encrypt");
  return { ephemeralPublicKey, ...(await encryptJson(key, value, context)) };
}

/** Opens an envelope with the device private key; throws if it was not sealed to it or altered. */
export async function unseal(
  devicePrivateKey: CryptoKey,
  devicePublicKey: Bytes,
  sealed: Sealed,
  context: string,
): Promise<unknown> {
  const ephemeral = await subtle().importKey("raw", sealed.ephemeralPublicKey, ecdh, false, []);
  const shared = await subtle().deriveBits({ name: "ECDH", public: ephemeral }, devicePrivateKey, 256);
  const key = await entryKey(shared, sealed.ephemeralPublicKey, devicePublicKey, "decrypt");
  return decryptJson(key, sealed, context);
}
