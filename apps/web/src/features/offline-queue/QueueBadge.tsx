import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { queuePath } from "./offline-queue.routes.ts";
import { useFieldQueue } from "./useFieldQueue.ts";

/**
 * In the header: "offline", and what waits on the phone or was refused, linking to the queue.
 * Nothing when all is sent and the network is there.
 */
export function QueueBadge() {
  const { t } = useT();
  const { waiting, failed, online } = useFieldQueue();
  if (online && waiting === 0 && failed === 0) return null;
  return (
    <Link to={queuePath} className={`frame__queue badge ${failed > 0 ? "badge--danger" : "badge--warn"}`}>
      {[
        ...(online ? [] : [t("queue.offline")]),
        ...(waiting > 0 ? [t("queue.waitingCount", { count: waiting })] : []),
        ...(failed > 0 ? [t("queue.failedCount", { count: failed })] : []),
      ].join(" · ")}
    </Link>
  );
}
