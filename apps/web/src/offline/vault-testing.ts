// What the vault and outbox tests share: a stand-in for the API's `openDeviceVault`, a clock,
// and a raw look at what IndexedDB holds. Tests only (imports nothing of the browser).
import type { DeviceVaultGrant, UnlockDevice } from "./vault.ts";

export function randomSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export const startOfShift = Date.parse("2026-03-02T18:00:00Z");

/**
 * The API as the vault meets it: unreachable, it rejects as fetch does with no network; signed
 * in, it keeps one secret per device id, as the server does.
 */
export interface FakeApi {
  reachable: boolean;
  signedIn: boolean;
  /** The device ids it was asked about, in order. */
  calls: string[];
  /** Set to hand out another secret than the one kept for the device (another user). */
  secretOverride: string | null;
  unlock: UnlockDevice;
}

export function fakeApi(grant: Partial<DeviceVaultGrant> = {}): FakeApi {
  const secrets = new Map<string, string>();
  const api: FakeApi = {
    reachable: true,
    signedIn: true,
    calls: [],
    secretOverride: null,
    unlock: async (deviceId) => {
      api.calls.push(deviceId);
      if (!api.reachable) throw new TypeError("Failed to fetch");
      if (!api.signedIn) return "UNAUTHENTICATED";
      if (!secrets.has(deviceId)) secrets.set(deviceId, randomSecret());
      return {
        secret: api.secretOverride ?? secrets.get(deviceId) ?? "",
        expiresAt: "2099-01-01T00:00:00Z",
        maxOfflineHours: 12,
        ...grant,
      };
    },
  };
  return api;
}

export function clock(start = startOfShift) {
  const time = { now: start, advanceHours: (hours: number) => (time.now += hours * 3_600_000) };
  return time;
}

/** Every record of every store of a database, opened with the plain IndexedDB API. */
export async function rawRecords(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records: unknown[] = [];
  for (const store of Array.from(db.objectStoreNames)) {
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    records.push(...all);
  }
  db.close();
  return records;
}

/** The text a forensic reader would grep: strings as they are, bytes as UTF-8 and as Latin-1. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    return `${new TextDecoder().decode(bytes)}\n${String.fromCharCode(...bytes)}`;
  }
  if (value && typeof value === "object") {
    return Object.entries(value)
      .map(([key, inner]) => `${key}:${textOf(inner)}`)
      .join("\n");
  }
  return String(value);
}

export async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? "");
}
