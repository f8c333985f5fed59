import { useT } from "../../app/i18n/index.tsx";
import { queuePath } from "../offline-queue/offline-queue.routes.ts";
import { useFieldQueue } from "../offline-queue/useFieldQueue.ts";
import { TodayCard } from "./TodayCard.tsx";

export interface QueuedEntryCounts {
  /** Entries recorded on this device and not sent yet. */
  waiting: number;
  /** Entries the API refused: kept until their author fixes or discards them. */
  failed: number;
}

/** What the phone's queue holds (offline/field-queue.ts), for the home screen, linking to it. */
export function QueuedEntriesCard({ waiting, failed }: QueuedEntryCounts) {
  const { t } = useT();
  const items =
    failed > 0
      ? [{ key: "failed", content: <strong>{t("today.queue.failed", { count: failed })}</strong> }]
      : [];
  return (
    <TodayCard
      title={t("today.queue.title")}
      summary={t("today.queue.waiting", { count: waiting })}
      items={items}
      total={items.length}
      link={{ to: queuePath, label: t("queue.title") }}
      emptyText={t("today.queue.empty")}
      urgent={failed > 0}
    />
  );
}

/** The phone's queue counts for this device. */
export function useQueuedEntryCounts(): QueuedEntryCounts {
  const { waiting, failed } = useFieldQueue();
  return { waiting, failed };
}
