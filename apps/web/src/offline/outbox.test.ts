import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { createOutbox, type SendResult, type Timers } from "./outbox.ts";
import { openVault, type QueueEntry, wipeVault } from "./vault.ts";
import { fakeApi } from "./vault-testing.ts";

afterEach(async () => {
  await wipeVault();
});

/** Timers the test fires by hand: what is scheduled, with which delay. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; delayMs: number }>();
  let next = 0;
  const timers: Timers & { delays(): number[]; fire(): void } = {
    set(callback, delayMs) {
      next += 1;
      pending.set(next, { callback, delayMs });
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    delays: () => [...pending.values()].map((timer) => timer.delayMs),
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.callback();
    },
  };
  return timers;
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** An API that accepts everything, and the ids it was sent. */
function acceptingApi() {
  const sent: string[] = [];
  const send = async (entry: QueueEntry): Promise<SendResult> => {
    sent.push(entry.id);
    return "sent";
  };
  return { sent, send };
}

async function vaultWith(summaries: string[]) {
  const vault = await openVault({ unlock: fakeApi().unlock });
  const ids: string[] = [];
  for (const summary of summaries) {
    ids.push(await vault.enqueue("recordEncounter", { operation: "RecordEncounter", summary }, summary));
  }
  return { vault, ids };
}

describe("the outbox", () => {
  it("sends waiting entries one at a time, in creation order, each under its own id", async () => {
    const { vault, ids } = await vaultWith(["first", "second", "third"]);
    const { sent, send } = acceptingApi();
    const outbox = createOutbox({ vault, events: null, send });
    expect(await outbox.flush()).toBe("done");
    expect(sent).toEqual(ids);
    expect(await vault.counts()).toEqual({ waiting: 0, failed: 0 });
  });

  it("keeps an entry with no answer, with the same id, and sends it again later with backoff", async () => {
    const { vault, ids } = await vaultWith(["first", "second"]);
    const timers = manualTimers();
    const attempts: string[] = [];
    let answers: SendResult[] = ["retry", "retry", "sent", "sent"];
    const outbox = createOutbox({
      vault,
      events: null,
      timers,
      retryDelayMs: 1_000,
      send: async (entry) => {
        attempts.push(entry.id);
        const [answer, ...rest] = answers;
        answers = rest;
        return answer ?? "retry";
      },
    });
    outbox.start();
    expect(await outbox.flush()).toBe("retry-later");
    expect(timers.delays()).toEqual([1_000]);
    const [waiting] = await vault.entries();
    expect(waiting).toMatchObject({ id: ids[0], status: "waiting", attempts: 1 });
    // Later entries wait behind it: the network is down for them too.
    expect(attempts).toEqual([ids[0]]);

    timers.fire();
    expect(await outbox.flush()).toBe("retry-later");
    expect(timers.delays()).toEqual([2_000]);

    timers.fire();
    expect(await outbox.flush()).toBe("done");
    expect(attempts).toEqual([ids[0], ids[0], ids[0], ids[1]]);
    expect(await vault.counts()).toEqual({ waiting: 0, failed: 0 });
    outbox.stop();
  });

  it("marks a rejected entry failed with the reason, and goes on with the next", async () => {
    const { vault, ids } = await vaultWith(["rejected", "accepted"]);
    const outbox = createOutbox({
      vault,
      events: null,
      send: async (entry) => (entry.id === ids[0] ? { rejected: "Cette personne n'existe plus." } : "sent"),
    });
    expect(await outbox.flush()).toBe("done");
    expect(await vault.counts()).toEqual({ waiting: 0, failed: 1 });
    expect(await vault.entries()).toEqual([
      expect.objectContaining({ id: ids[0], status: "failed", lastError: "Cette personne n'existe plus." }),
    ]);
    // A failed entry is not sent again.
    expect(await outbox.flush()).toBe("done");
  });

  it("never sends the same entry twice at once", async () => {
    const { vault, ids } = await vaultWith(["only"]);
    const started = deferred();
    const answer = deferred<SendResult>();
    const sends: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const send = async (entry: QueueEntry) => {
      sends.push(entry.id);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      started.resolve();
      const result = await answer.promise;
      inFlight -= 1;
      return result;
    };
    const outbox = createOutbox({ vault, events: null, send });
    const otherTabLike = createOutbox({ vault, events: null, send });

    const first = outbox.flush();
    await started.promise;
    const again = outbox.flush();
    const other = otherTabLike.flush();
    expect(again).toBe(first);
    expect(await other).toBe("busy");
    answer.resolve("sent");
    expect(await first).toBe("done");
    expect(sends).toEqual(ids);
    expect(mostInFlight).toBe(1);
  });

  it("waits for the browser's 'online' to send what was queued offline", async () => {
    const { vault, ids } = await vaultWith(["queued offline"]);
    const events = new EventTarget();
    let online = false;
    const done = deferred();
    const sent: string[] = [];
    const outbox = createOutbox({
      vault,
      events,
      timers: manualTimers(),
      isOnline: () => online,
      send: async (entry) => {
        sent.push(entry.id);
        done.resolve();
        return "sent";
      },
    });
    outbox.start();
    expect(await outbox.flush()).toBe("offline");
    expect(sent).toEqual([]);
    online = true;
    events.dispatchEvent(new Event("online"));
    await done.promise;
    expect(sent).toEqual(ids);
    outbox.stop();
  });

  it("asks the API to unlock a locked vault, and sends nothing while it cannot", async () => {
    const api = fakeApi();
    const first = await openVault({ unlock: api.unlock });
    const id = await first.enqueue("recordEncounter", { operation: "RecordEncounter" }, "x");
    api.reachable = false;
    const vault = await openVault({ unlock: api.unlock });
    const { sent, send } = acceptingApi();
    const outbox = createOutbox({ vault, events: null, send });
    expect(await outbox.flush()).toBe("locked");
    api.reachable = true;
    expect(await outbox.flush()).toBe("done");
    expect(sent).toEqual([id]);
  });
});
