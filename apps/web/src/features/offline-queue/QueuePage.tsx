import { useEffect, useState } from "react";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { failureOfEntry, fieldQueue, type QueuedKind } from "../../offline/field-queue.ts";
import type { VaultEntry } from "../../offline/vault.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { useFieldQueue } from "./useFieldQueue.ts";

/** What each kind of entry is called (a new kind of the queue needs its name here). */
const kindLabels: Record<QueuedKind, MessageKey> = {
  recordEncounter: "queue.kind.recordEncounter",
  closeAccompaniment: "queue.kind.closeAccompaniment",
  checkInToEvening: "queue.kind.checkInToEvening",
  requestMaterialDelivery: "queue.kind.requestMaterialDelivery",
  transitionMaterialDelivery: "queue.kind.transitionMaterialDelivery",
};

/** Where a refused entry of each kind is fixed (the form it came from, filled with it). */
const fixPaths: Record<string, (id: string) => string> = {
  recordEncounter: (id) => `/rencontres/nouvelle?reprendre=${encodeURIComponent(id)}`,
};

/**
 * What waits on this phone: each entry (who, when), those the API refused with its reason, to
 * fix or discard. Locked after an offline reload, only the counts can be read: the detail is
 * encrypted until the phone reaches the API again.
 */
export function QueuePage() {
  const { t, failureMessage, formatDateTime } = useT();
  const queue = useFieldQueue();
  const [entries, setEntries] = useState<VaultEntry[] | null>(null);
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the counts change
  useEffect(() => {
    let stopped = false;
    void fieldQueue().then(async ({ vault }) => {
      const read = vault.state === "unlocked" ? await vault.entries().catch(() => null) : null;
      if (!stopped) setEntries(read);
    });
    return () => {
      stopped = true;
    };
  }, [queue.waiting, queue.failed, queue.vault]);

  const sendNow = async () => {
    setSending(true);
    try {
      await (await fieldQueue()).outbox.flush();
    } finally {
      setSending(false);
    }
  };
  const discard = async (id: string) => {
    await (await fieldQueue()).vault.discard(id);
    setDiscarding(null);
  };

  return (
    <section className="page">
      <h1>{t("queue.title")}</h1>
      <p role="status">
        {queue.waiting === 0 && queue.failed === 0
          ? t("queue.allSent")
          : [
              ...(queue.waiting > 0 ? [t("queue.waitingCount", { count: queue.waiting })] : []),
              ...(queue.failed > 0 ? [t("queue.failedCount", { count: queue.failed })] : []),
            ].join(" · ")}
      </p>
      {queue.online ? null : <p className="alert alert--warn">{t("queue.offlineExplained")}</p>}
      {queue.vault === "locked" ? <p className="muted">{t("queue.locked")}</p> : null}
      {queue.waiting > 0 && queue.online ? (
        <button type="button" className="button" disabled={sending} onClick={() => void sendNow()}>
          {t("queue.sendNow")}
        </button>
      ) : null}
      {entries && entries.length > 0 ? (
        <ul className="card-list">
          {entries.map((entry) => {
            const failure = entry.readable ? failureOfEntry(entry) : null;
            const fix = fixPaths[entry.kind];
            return (
              <li key={entry.id} className="card">
                <p>
                  <strong>{entry.readable ? entry.summary : t("queue.unreadable")}</strong>{" "}
                  <span className="muted small">
                    {t(kindLabels[entry.kind as QueuedKind] ?? "queue.kind.recordEncounter")}
                    {" · "}
                    {formatDateTime(new Date(entry.createdAt))}
                  </span>
                </p>
                {entry.status === "failed" ? (
                  <>
                    <p className="alert alert--error">
                      {failure ? failureMessage(failure) : t("queue.unreadableExplained")}
                    </p>
                    {discarding === entry.id ? (
                      <ConfirmDialog
                        label={t("queue.discard")}
                        question={t("queue.discardQuestion")}
                        confirmLabel={t("queue.discard")}
                        pending={false}
                        onConfirm={() => void discard(entry.id)}
                        onCancel={() => setDiscarding(null)}
                      />
                    ) : (
                      <div className="row">
                        {fix && entry.readable ? (
                          <Link to={fix(entry.id)} className="button button--primary">
                            {t("queue.fix")}
                          </Link>
                        ) : null}
                        <button type="button" className="button" onClick={() => setDiscarding(entry.id)}>
                          {t("queue.discard")}
                        </button>
                      </div>
                    )}
                  </>
                ) : (
                  <p className="small muted">{t("queue.waiting")}</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
