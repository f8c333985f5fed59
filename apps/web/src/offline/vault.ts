/**
 * The encrypted offline vault: what an outreach worker records with no signal waits here until
 * it is sent, and the slice of her caseload she may pick persons from offline. A lost phone must
 * reveal nothing: see docs/offline-threat-model.md.
 *
 * IndexedDB "maillage-offline": `meta` (device id, device keys, limits), `queue` (entries waiting
 * or failed), `caseload` (one encrypted slice).
 * - Queue entries are sealed to the device public key (sealing.ts), so they can be written while
 *   locked; only id, kind, status, attempts and creation time are readable (no person data).
 * - The device private key and the caseload are encrypted under the vault key, derived from the
 *   secret `openDeviceVault` hands a signed-in device. The secret is never stored: the key lives
 *   in this page's memory. Online (or since the last unlock in this page life) the vault is
 *   unlocked; after an offline reload it is locked: entries can be added and counted, nothing read.
 * - UNAUTHENTICATED (the session expired, or was ended) keeps it locked: the same user signing in
 *   again on this device gets the same secret back, and her unsent entries go out.
 * - Wiped (the whole database deleted): when the API hands a different secret than the vault was
 *   sealed with (another user on this device, or a secret the server forgot: sign-out, the
 *   organisation ending all sessions, the member deactivated), when the offline time limit
 *   or the secret's expiry passes (the entries that were not sent are lost: past that time nobody
 *   could decrypt them anyway), and at sign-out (`wipeVault`).
 */
import { deleteDB, openDB } from "idb";
import {
  type Bytes,
  decryptJson,
  deriveVaultKey,
  encryptJson,
  generateDeviceKeys,
  importDevicePrivateKey,
  publicKeyOf,
  sameBytes,
  seal,
  unseal,
} from "./sealing.ts";
import {
  context,
  type DeviceRecord,
  deadlineOf,
  getMeta,
  keyCheckPasses,
  keyCheckText,
  type Limits,
  type OfflineDatabase,
  type OfflineSchema,
  type OpenKeys,
  parseGrant,
  type SealedContent,
  type StoredEntry,
  vaultDatabaseName,
} from "./vault-records.ts";
import {
  type DeviceVaultGrant,
  type Json,
  type UnlockDevice,
  type Vault,
  type VaultEntry,
  VaultError,
  type VaultState,
  type WipeReason,
} from "./vault-types.ts";

export { vaultDatabaseName } from "./vault-records.ts";
export * from "./vault-types.ts";

/** Vaults open in this page, closed for good by `wipeVault`. */
const openVaults = new Set<{ close(): void }>();

/**
 * Opens this device's vault and asks the API for its secret (a rejection of `unlock` — no
 * network — leaves it locked). `unlock` should give up after a few seconds on a poor signal.
 */
export async function openVault(options: { unlock: UnlockDevice; now?: () => number }): Promise<Vault> {
  const now = options.now ?? Date.now;
  let connection: Promise<OfflineDatabase> | null = null;
  let keys: OpenKeys | null = null;
  let hasDevice = false;
  let closed = false;
  let lastWipe: WipeReason | null = null;
  let unlocking: Promise<VaultState> | null = null;
  const listeners = new Set<() => void>();
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(vaultDatabaseName) : null;

  const state = (): VaultState => (keys ? "unlocked" : hasDevice ? "locked" : "unavailable");

  function notifyHere() {
    for (const listener of listeners) listener();
  }
  function changed() {
    notifyHere();
    channel?.postMessage("changed");
  }

  function database(): Promise<OfflineDatabase> {
    if (closed) return Promise.reject(new VaultError("closed"));
    if (!connection) {
      const opening: Promise<OfflineDatabase> = openDB<OfflineSchema>(vaultDatabaseName, 1, {
        upgrade(upgrading) {
          upgrading.createObjectStore("meta");
          upgrading.createObjectStore("queue", { keyPath: "id" }).createIndex("by-seq", "seq");
          upgrading.createObjectStore("caseload");
        },
        // Another tab (or vault) deletes the database, a wipe: let it, and forget what we held.
        blocking() {
          if (connection === opening) forget();
          else void opening.then((db) => db.close());
        },
        terminated() {
          if (connection === opening) connection = null;
        },
      });
      connection = opening;
    }
    return connection;
  }

  function forget() {
    const current = connection;
    connection = null;
    keys = null;
    hasDevice = false;
    void current?.then((db) => db.close()).catch(() => undefined);
  }

  async function wipe(reason: WipeReason) {
    forget();
    await deleteDB(vaultDatabaseName);
    lastWipe = reason;
    changed();
  }

  /** Wipes when the offline time limit or the secret's expiry has passed; true if it did. */
  async function enforceDeadline(): Promise<boolean> {
    const limits = await getMeta(await database(), "limits");
    if (!limits || now() <= deadlineOf(limits)) return false;
    await wipe("offline-limit");
    return true;
  }

  async function ensureDeviceId(): Promise<string> {
    const tx = (await database()).transaction("meta", "readwrite");
    const existing = (await tx.store.get("deviceId")) as string | undefined;
    const deviceId = existing ?? globalThis.crypto.randomUUID();
    if (!existing) await tx.store.put(deviceId, "deviceId");
    await tx.done;
    return deviceId;
  }

  /** Takes the vault key: opens the stored device key, or makes one; "mismatch": another secret. */
  async function adopt(vaultKey: CryptoKey, limits: Limits): Promise<"unlocked" | "mismatch"> {
    let device = await getMeta(await database(), "device");
    if (!device) {
      const made = await generateDeviceKeys();
      const candidate: DeviceRecord = {
        publicKey: made.publicKey,
        privateKey: await encryptJson(vaultKey, made.privateJwk, context.privateKey),
        keyCheck: await encryptJson(vaultKey, keyCheckText, context.keyCheck),
      };
      // Check and set in one transaction: two tabs opening at once keep one key pair.
      const tx = (await database()).transaction("meta", "readwrite");
      device = (await tx.store.get("device")) as DeviceRecord | undefined;
      if (!device) {
        device = candidate;
        await tx.store.put(candidate, "device");
      }
      await tx.done;
    }
    if (!(await keyCheckPasses(vaultKey, device))) return "mismatch";
    const privateJwk = (await decryptJson(vaultKey, device.privateKey, context.privateKey)) as JsonWebKey;
    const ownPublicKey = await publicKeyOf(privateJwk);
    if (!sameBytes(ownPublicKey, device.publicKey)) {
      // The readable public key was replaced (entries sealed since went to someone else's key).
      // Put ours back; entries it does not open show as unreadable.
      device = { ...device, publicKey: ownPublicKey };
      await (await database()).put("meta", device, "device");
    }
    await (await database()).put("meta", limits, "limits");
    keys = { vaultKey, privateKey: await importDevicePrivateKey(privateJwk), publicKey: device.publicKey };
    hasDevice = true;
    return "unlocked";
  }

  async function askApi(): Promise<VaultState> {
    if (await enforceDeadline()) return state();
    // A different secret wipes, then the API is asked again for the new device id.
    for (let round = 0; round < 2; round += 1) {
      const deviceId = await ensureDeviceId();
      let grant: DeviceVaultGrant | "UNAUTHENTICATED";
      try {
        grant = await options.unlock(deviceId);
      } catch {
        return state();
      }
      if (grant === "UNAUTHENTICATED") {
        // Not signed in (expired, or ended): stay locked. The server has or has not forgotten
        // the secret; the next signed-in unlock tells (the same secret, or a wipe).
        keys = null;
        return state();
      }
      const { secret, ...limits } = parseGrant(grant);
      const vaultKey = await deriveVaultKey(secret);
      secret.fill(0);
      if ((await adopt(vaultKey, { ...limits, lastUnlockedAt: now() })) === "unlocked") {
        changed();
        return state();
      }
      await wipe("another-secret");
    }
    return state();
  }

  function unlock(): Promise<VaultState> {
    unlocking ??= askApi().finally(() => {
      unlocking = null;
    });
    return unlocking;
  }

  /** The keys, after the deadline check; throws when locked or wiped. */
  async function openKeys(): Promise<OpenKeys> {
    await enforceDeadline();
    if (!keys) throw new VaultError(hasDevice ? "locked" : "unavailable");
    return keys;
  }

  async function publicKey(): Promise<Bytes> {
    await enforceDeadline();
    if (keys) return keys.publicKey;
    const device = await getMeta(await database(), "device");
    hasDevice = device !== undefined;
    if (!device) throw new VaultError("unavailable");
    return device.publicKey;
  }

  async function stored(id: string): Promise<StoredEntry> {
    const entry = await (await database()).get("queue", id);
    if (!entry) throw new VaultError("not-found");
    return entry;
  }

  async function openEntry(entry: StoredEntry, opened: OpenKeys): Promise<SealedContent> {
    const content = await unseal(opened.privateKey, opened.publicKey, entry.sealed, context.entry(entry));
    return content as SealedContent;
  }

  async function reseal(entry: StoredEntry, content: SealedContent, opened: OpenKeys) {
    return { ...entry, sealed: await seal(opened.publicKey, content, context.entry(entry)) };
  }

  async function entries(): Promise<VaultEntry[]> {
    const opened = await openKeys();
    const all = await (await database()).getAllFromIndex("queue", "by-seq");
    return Promise.all(
      all.map(async (entry): Promise<VaultEntry> => {
        const { sealed: _sealed, seq: _seq, ...header } = entry;
        try {
          return { ...header, readable: true, ...(await openEntry(entry, opened)) };
        } catch {
          if (entry.status === "waiting") {
            await (await database()).put("queue", { ...entry, status: "failed" });
          }
          return { ...header, status: "failed", readable: false };
        }
      }),
    );
  }

  const vault: Vault = {
    get state() {
      return state();
    },
    get lastWipe() {
      return lastWipe;
    },
    unlock,
    lock() {
      keys = null;
      changed();
    },
    async deadline() {
      const limits = await getMeta(await database(), "limits");
      return limits ? deadlineOf(limits) : null;
    },
    async deviceId() {
      if (closed) return null;
      return ((await getMeta(await database(), "deviceId")) as string | undefined) ?? null;
    },
    async counts() {
      await enforceDeadline();
      const all = await (await database()).getAll("queue");
      return {
        waiting: all.filter((entry) => entry.status === "waiting").length,
        failed: all.filter((entry) => entry.status === "failed").length,
      };
    },
    async enqueue(kind, payload, summary) {
      const devicePublicKey = await publicKey();
      const id = globalThis.crypto.randomUUID();
      const content: SealedContent = { payload, summary, lastError: null };
      const sealed = await seal(devicePublicKey, content, context.entry({ id, kind }));
      const tx = (await database()).transaction(["meta", "queue"], "readwrite");
      const meta = tx.objectStore("meta");
      const seq = ((await meta.get("seq")) as number | undefined) ?? 0;
      await meta.put(seq + 1, "seq");
      await tx
        .objectStore("queue")
        .put({ id, seq, createdAt: now(), kind, status: "waiting", attempts: 0, sealed });
      await tx.done;
      changed();
      return id;
    },
    entries,
    async markSent(id) {
      await (await database()).delete("queue", id);
      changed();
    },
    async markRetry(id) {
      const entry = await stored(id);
      await (await database()).put("queue", { ...entry, attempts: entry.attempts + 1 });
      changed();
    },
    async markFailed(id, reason) {
      const opened = await openKeys();
      const entry = await stored(id);
      // The reason may quote what was sent: it is sealed with the rest.
      const content = { ...(await openEntry(entry, opened)), lastError: reason };
      const failed = { ...entry, status: "failed" as const, attempts: entry.attempts + 1 };
      await (await database()).put("queue", await reseal(failed, content, opened));
      changed();
    },
    async discard(id) {
      await (await database()).delete("queue", id);
      changed();
    },
    async replace(id, payload, summary) {
      // A new id is a new idempotency key: the API answers a repeated key with its first result,
      // which for a rejected entry is the rejection.
      const opened = await openKeys();
      const entry = await stored(id);
      const previous = await openEntry(entry, opened).catch(() => null);
      const content = { payload, summary: summary ?? previous?.summary ?? "", lastError: null };
      const fixed = { ...entry, id: globalThis.crypto.randomUUID(), status: "waiting" as const, attempts: 0 };
      const sealedFixed = await reseal(fixed, content, opened);
      const tx = (await database()).transaction("queue", "readwrite");
      await tx.store.delete(id);
      await tx.store.put(sealedFixed);
      await tx.done;
      changed();
      return fixed.id;
    },
    async saveCaseload(persons, extra = null) {
      const opened = await openKeys();
      const encrypted = await encryptJson(
        opened.vaultKey,
        { savedAt: now(), persons, extra },
        context.caseload,
      );
      await (await database()).put("caseload", encrypted, "slice");
      changed();
    },
    async caseload() {
      const opened = await openKeys();
      const encrypted = await (await database()).get("caseload", "slice");
      if (!encrypted) return null;
      const slice = (await decryptJson(opened.vaultKey, encrypted, context.caseload)) as {
        savedAt: number;
        persons: Json[];
        extra?: Json;
      };
      return { ...slice, extra: slice.extra ?? null };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const handle = {
    close() {
      forget();
      closed = true;
      lastWipe = "signed-out";
      channel?.close();
      notifyHere();
    },
  };
  openVaults.add(handle);
  if (channel) {
    channel.onmessage = () => {
      // Another tab added, sent or wiped: what is stored may have changed.
      if (!closed) {
        void database()
          .then((opened) => getMeta(opened, "device"))
          .then((device) => {
            hasDevice = device !== undefined;
            if (!hasDevice) keys = null;
            notifyHere();
          });
      }
    };
  }

  hasDevice = (await getMeta(await database(), "device")) !== undefined;
  try {
    await unlock();
  } catch (error) {
    // A malformed answer is the API's bug: the vault stays locked, usable for queueing.
    if (!(error instanceof VaultError && error.reason === "bad-grant")) throw error;
  }
  return vault;
}

/**
 * Sign-out: closes every vault of this page for good and deletes the whole database (keys,
 * queue, caseload, device id). Other tabs close their connection when asked (`blocking`).
 * The service worker's caches hold only the app shell, never person data.
 */
export async function wipeVault(): Promise<void> {
  for (const handle of openVaults) handle.close();
  openVaults.clear();
  await deleteDB(vaultDatabaseName);
}
