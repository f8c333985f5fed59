// The vault's contract with the app: what it is given, what it answers, its states and errors.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What `openDeviceVault` answers a signed-in device. */
export interface DeviceVaultGrant {
  /** base64url of 32 random bytes, the same for the same user and device until the server forgets it. */
  secret: string;
  /** ISO date-time after which the server forgets the secret. */
  expiresAt: string;
  maxOfflineHours: number;
}

/** Asks the API for the device's secret; rejects when the API cannot be reached. */
export type UnlockDevice = (deviceId: string) => Promise<DeviceVaultGrant | "UNAUTHENTICATED">;

/** "unavailable": no vault on this device (never unlocked here, or wiped): nothing can be queued. */
export type VaultState = "unavailable" | "locked" | "unlocked";
export type WipeReason = "unauthenticated" | "another-secret" | "offline-limit" | "signed-out";
export type EntryStatus = "waiting" | "failed";

export interface EntryHeader {
  id: string;
  /** The idempotency key the entry is sent with is its id; `seq` is the order of creation. */
  seq: number;
  createdAt: number;
  kind: string;
  status: EntryStatus;
  attempts: number;
}

export interface QueueEntry extends Omit<EntryHeader, "seq"> {
  readable: true;
  payload: Json;
  summary: string;
  lastError: string | null;
}

/** An entry this device's key does not open (altered storage): shown as failed, to be discarded. */
export interface UnreadableEntry extends Omit<EntryHeader, "seq"> {
  readable: false;
}

export type VaultEntry = QueueEntry | UnreadableEntry;

export class VaultError extends Error {
  constructor(readonly reason: "locked" | "unavailable" | "closed" | "not-found" | "bad-grant") {
    super(`offline vault: ${reason}`);
    this.name = "VaultError";
  }
}

export interface Vault {
  readonly state: VaultState;
  /** Why the vault was last wiped in this page life, for the UI to say so. */
  readonly lastWipe: WipeReason | null;
  /** Asks the API again (coming online, or to refresh the offline time limit). */
  unlock(): Promise<VaultState>;
  /** Forgets the keys held in memory (until the next unlock). */
  lock(): void;
  /** When the vault will be wiped unless the device reaches the API before; null with no vault. */
  deadline(): Promise<number | null>;
  /** The id this device gives the API (not a secret); null before the first unlock. */
  deviceId(): Promise<string | null>;
  counts(): Promise<{ waiting: number; failed: number }>;
  enqueue(kind: string, payload: Json, summary: string): Promise<string>;
  /** Decrypted, in creation order; unlocked only. */
  entries(): Promise<VaultEntry[]>;
  markSent(id: string): Promise<void>;
  /** A try that got no answer: the entry keeps waiting, with the same id. */
  markRetry(id: string): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
  discard(id: string): Promise<void>;
  /** A fixed version of a rejected entry, at its place in the queue, under a NEW id (see below). */
  replace(id: string, payload: Json, summary?: string): Promise<string>;
  /** The persons one may pick offline, and what else the entry form needs (`extra`: venues…). */
  saveCaseload(persons: Json[], extra?: Json): Promise<void>;
  caseload(): Promise<{ savedAt: number; persons: Json[]; extra: Json } | null>;
  /** Called after any change here or in another tab; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
