import { useEffect, useState } from "react";
import { fieldQueue } from "../../offline/field-queue.ts";
import type { VaultState } from "../../offline/vault.ts";

export interface FieldQueueState {
  vault: VaultState | "opening";
  waiting: number;
  failed: number;
  online: boolean;
}

/** The phone's queue as the screens show it: how many entries wait, how many were refused. */
export function useFieldQueue(): FieldQueueState {
  const [state, setState] = useState<FieldQueueState>({
    vault: "opening",
    waiting: 0,
    failed: 0,
    online: navigator.onLine,
  });
  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    const read = async () => {
      const { vault } = await fieldQueue();
      const counts = await vault.counts().catch(() => ({ waiting: 0, failed: 0 }));
      if (!stopped) setState({ vault: vault.state, ...counts, online: navigator.onLine });
    };
    const connectivity = () => void read();
    void fieldQueue().then(({ vault }) => {
      if (stopped) return;
      unsubscribe = vault.subscribe(() => void read());
      void read();
    });
    window.addEventListener("online", connectivity);
    window.addEventListener("offline", connectivity);
    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener("online", connectivity);
      window.removeEventListener("offline", connectivity);
    };
  }, []);
  return state;
}
