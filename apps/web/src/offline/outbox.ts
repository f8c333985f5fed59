/**
 * Sends the vault's waiting entries, one at a time, in the order they were made, whenever the
 * device is online: at once after a change, when the browser says "online", and on a timer that
 * backs off while the network fails. Each entry goes out with its id as idempotency key (the API
 * answers a repeated key with its first result), so sending again after a lost answer never
 * records twice. One sender at a time: in this page, and across tabs through navigator.locks.
 */
import type { QueueEntry, Vault } from "./vault.ts";

/** "retry": no answer (network, timeout, lost answer): try again later with the same key. */
export type SendResult = "sent" | { rejected: string } | "retry";

/**
 * "done": nothing left waiting; "retry-later": the network failed; "locked": the API could not
 * unlock the vault; "offline": the browser knows it has no network; "busy": another sender is at it.
 */
export type FlushOutcome = "done" | "retry-later" | "locked" | "offline" | "busy";

export interface Timers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface OutboxOptions {
  vault: Vault;
  /** Sends one entry; `entry.id` is its idempotency key. A throw counts as "retry". */
  send: (entry: QueueEntry) => Promise<SendResult>;
  /** First delay after a failure, doubled after each one up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * How often to ask the API again while all is sent: keeps the offline time limit counting from
   * the last contact, and an open tab learns soon that the organisation ended the sessions.
   */
  checkInEveryMs?: number;
  timers?: Timers;
  /** Where "online" is announced (window). */
  events?: EventTarget | null;
  isOnline?: () => boolean;
  now?: () => number;
}

export interface Outbox {
  flush(): Promise<FlushOutcome>;
  /** Listens to "online" and to the vault's changes, and starts the timer. */
  start(): void;
  stop(): void;
}

const lockName = "maillage-outbox";
/** The lock when navigator.locks is missing: one sender per page (other tabs are not covered). */
let pageSenderBusy = false;

async function withSenderLock(work: () => Promise<FlushOutcome>): Promise<FlushOutcome> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    const busy = async (): Promise<FlushOutcome> => "busy";
    return await locks.request(lockName, { ifAvailable: true }, (lock) => (lock ? work() : busy()));
  }
  if (pageSenderBusy) return Promise.resolve("busy");
  pageSenderBusy = true;
  return work().finally(() => {
    pageSenderBusy = false;
  });
}

const browserTimers: Timers = {
  set: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createOutbox(options: OutboxOptions): Outbox {
  const { vault, send } = options;
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5 * 60_000;
  const checkInEveryMs = options.checkInEveryMs ?? 10 * 60_000;
  const timers = options.timers ?? browserTimers;
  const events = options.events === undefined ? (globalThis.window ?? null) : options.events;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const now = options.now ?? Date.now;

  let running: Promise<FlushOutcome> | null = null;
  let failures = 0;
  let lastCheckIn = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let unsubscribe: (() => void) | null = null;

  async function sendWaiting(): Promise<FlushOutcome> {
    if (!isOnline()) return "offline";
    if (vault.state !== "unlocked" || now() - lastCheckIn >= checkInEveryMs) {
      await vault.unlock();
      lastCheckIn = now();
    }
    if (vault.state !== "unlocked") return "locked";
    for (;;) {
      // Read again each time: entries added meanwhile (here or in another tab) go out too.
      const next = (await vault.entries()).find(
        (entry): entry is QueueEntry => entry.readable && entry.status === "waiting",
      );
      if (!next) return "done";
      const result = await send(next).catch((): SendResult => "retry");
      if (result === "retry") {
        await vault.markRetry(next.id);
        return "retry-later";
      }
      // A rejection does not hold back the others: each entry stands alone.
      if (result === "sent") await vault.markSent(next.id);
      else await vault.markFailed(next.id, result.rejected);
    }
  }

  function schedule(outcome: FlushOutcome) {
    if (!unsubscribe) return;
    if (timer !== null) timers.clear(timer);
    const backingOff = outcome === "retry-later" || outcome === "locked" || outcome === "busy";
    failures = backingOff ? failures + 1 : 0;
    const delay = backingOff ? Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (failures - 1)) : checkInEveryMs;
    timer = timers.set(() => {
      timer = null;
      void flush();
    }, delay);
  }

  function flush(): Promise<FlushOutcome> {
    running ??= withSenderLock(sendWaiting)
      .catch((): FlushOutcome => "retry-later")
      .then((outcome) => {
        running = null;
        schedule(outcome);
        return outcome;
      });
    return running;
  }

  function online() {
    failures = 0;
    void flush();
  }

  return {
    flush,
    start() {
      if (unsubscribe) return;
      // While backing off, a change (ours, or another tab's retry) waits for the timer: two tabs
      // must not wake each other up in a loop on a dead network.
      unsubscribe = vault.subscribe(() => {
        if (failures === 0) void flush();
      });
      events?.addEventListener("online", online);
      void flush();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      events?.removeEventListener("online", online);
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
