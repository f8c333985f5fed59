import { useQuery } from "@tanstack/react-query";
import { graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { hasRole, useViewer } from "../auth/session.ts";
import { PublishSafetyAlertForm } from "./PublishSafetyAlertForm.tsx";
import { SafetyAlertCard } from "./SafetyAlertCard.tsx";
import { activeSafetyAlertsQuery, type SafetyAlert, safetyAlertKeys } from "./safety-alerts.graphql.ts";
import "./safety-alerts.css";

export function useActiveSafetyAlerts(first: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: safetyAlertKeys.active(first),
    queryFn: () =>
      graphql<{ activeSafetyAlerts: { edges: { node: SafetyAlert }[] } }>(activeSafetyAlertsQuery, { first }),
  });
}

/** /alertes: the partnership's alerts in force; coordinators publish new ones. */
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
      ) : alerts.data.activeSafetyAlerts.edges.length === 0 ? (
        <p className="muted">{t("alerts.empty")}</p>
      ) : (
        <ul className="card-list">
          {alerts.data.activeSafetyAlerts.edges.map(({ node }) => (
            <SafetyAlertCard key={node.id} alert={node} />
          ))}
        </ul>
      )}
      {hasRole(me, "COORDINATOR") ? <PublishSafetyAlertForm /> : null}
    </section>
  );
}
