import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { PublishSafetyAlertForm } from "./PublishSafetyAlertForm.tsx";
import { SafetyAlertCard } from "./SafetyAlertCard.tsx";
import { ActiveSafetyAlertsQuery, safetyAlertKeys } from "./safety-alerts.graphql.ts";
import "./safety-alerts.css";

export function useActiveSafetyAlerts(first: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: safetyAlertKeys.active(first),
    queryFn: async () => (await request(ActiveSafetyAlertsQuery, { first })).activeSafetyAlerts.edges,
  });
}

/** /alertes: the partnership's alerts in force; those who may write alerts publish new ones. */
export function SafetyAlertsPage() {
  const { t } = useT();
  const me = useViewer();
  const alerts = useActiveSafetyAlerts(20);
  const queryClient = useQueryClient();
  // The withdrawn alert leaves the list: the confirmation is said above it, where focus goes.
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  return (
    <section className="page">
      <h1>{t("alerts.title")}</h1>
      <p className="muted">{t("alerts.intro")}</p>
      <h2>{t("alerts.active")}</h2>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={withdrawn ? "alert alert--ok" : "visually-hidden"}
      >
        {withdrawn ? t("alerts.withdraw.done", { area: withdrawn }) : null}
      </p>
      <Loaded query={alerts} emptyWhen={(edges) => edges.length === 0} emptyText={t("alerts.empty")}>
        {(edges) => (
          <ul className="card-list">
            {edges.map(({ node }) => (
              <SafetyAlertCard
                key={node.id}
                alert={node}
                onWithdrawn={(alert) => {
                  setWithdrawn(alert.area);
                  statusRef.current?.focus();
                  void queryClient.invalidateQueries({ queryKey: safetyAlertKeys.all });
                }}
              />
            ))}
          </ul>
        )}
      </Loaded>
      {mayWrite(me, "SAFETY_ALERT") ? <PublishSafetyAlertForm /> : null}
    </section>
  );
}
