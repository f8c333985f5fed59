import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
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
  return (
    <section className="page">
      <h1>{t("alerts.title")}</h1>
      <p className="muted">{t("alerts.intro")}</p>
      <h2>{t("alerts.active")}</h2>
      {alerts.isPending ? (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      ) : alerts.isError ? (
        <QueryFailure error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <p className="muted">{t("alerts.empty")}</p>
      ) : (
        <ul className="card-list">
          {alerts.data.map(({ node }) => (
            <SafetyAlertCard key={node.id} alert={node} />
          ))}
        </ul>
      )}
      {mayWrite(me, "SAFETY_ALERT") ? <PublishSafetyAlertForm /> : null}
    </section>
  );
}
