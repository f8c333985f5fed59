// What the vault keeps in IndexedDB, record by record, and the small rules on those records.
import type { DBSchema, IDBPDatabase } from "idb";
import { type Bytes, base64UrlDecode, decryptJson, type Encrypted, type Sealed } from "./sealing.ts";
import { type DeviceVaultGrant, type EntryHeader, type Json, VaultError } from "./vault-types.ts";

export const vaultDatabaseName = "maillage-offline";

/** meta "device", written once in one transaction. */
export interface DeviceRecord {
  /** Readable (public keys are not secret): what a locked vault seals entries to. */
  publicKey: Bytes;
  /** The private key's JWK under the vault key. */
  privateKey: Encrypted;
  /** A constant under the vault key: tells whether the API's secret is the one sealed with. */
  keyCheck: Encrypted;
}

/** meta "limits", readable: when the vault is wiped unless the API is reached before. */
export interface Limits {
  lastUnlockedAt: number;
  maxOfflineHours: number;
  /** When the server forgets the secret (after which nothing stored here can be opened). */
  expiresAt: number;
}

export interface MetaRecords {
  deviceId: string;
  device: DeviceRecord;
  limits: Limits;
  seq: number;
}

export interface StoredEntry extends EntryHeader {
  sealed: Sealed;
}

export interface SealedContent {
  payload: Json;
  summary: string;
  lastError: string | null;
}

export interface OfflineSchema extends DBSchema {
  meta: { key: keyof MetaRecords; value: MetaRecords[keyof MetaRecords] };
  queue: { key: string; value: StoredEntry; indexes: { "by-seq": number } };
  caseload: { key: "slice"; value: Encrypted };
}

export type OfflineDatabase = IDBPDatabase<OfflineSchema>;

export interface OpenKeys {
  vaultKey: CryptoKey;
  privateKey: CryptoKey;
  publicKey: Bytes;
}

export const keyCheckText = "maillage-vault-key-check";
export const context = {
  privateKey: "device-private-key",
  keyCheck: "key-check",
  caseload: "caseload",
  entry: (entry: { id: string; kind: string }) => `queue-entry|${entry.id}|${entry.kind}`,
};

export async function getMeta<K extends keyof MetaRecords>(db: OfflineDatabase, key: K) {
  return (await db.get("meta", key)) as MetaRecords[K] | undefined;
}

/** Whether this vault key is the one the device's records were encrypted under. */
export async function keyCheckPasses(vaultKey: CryptoKey, device: DeviceRecord): Promise<boolean> {
  try {
    return (await decryptJson(vaultKey, device.keyCheck, context.keyCheck)) === keyCheckText;
  } catch {
    return false;
  }
}

export function deadlineOf(limits: Limits): number {
  return Math.min(limits.lastUnlockedAt + limits.maxOfflineHours * 3_600_000, limits.expiresAt);
}

export function parseGrant(grant: DeviceVaultGrant) {
  let secret: Bytes;
  try {
    secret = base64UrlDecode(grant.secret);
  } catch {
    throw new VaultError("bad-grant");
  }
  const expiresAt = Date.parse(grant.expiresAt);
  const hours = grant.maxOfflineHours;
  if (secret.length !== 32 || !Number.isFinite(expiresAt) || !(hours > 0) || !Number.isFinite(hours)) {
    throw new VaultError("bad-grant");
  }
  return { secret, expiresAt, maxOfflineHours: hours };
}
