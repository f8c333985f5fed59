import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { mayRead, useViewer } from "../auth/session.ts";
import { useActiveSafetyAlerts } from "./SafetyAlertsPage.tsx";
import { calendarDate } from "./safety-alerts.graphql.ts";
import "./safety-alerts.css";

/** For the home page: the three latest alerts in force, compact, with a link to all of them. */
export function ActiveAlertsSummary() {
  const { t, formatDate } = useT();
  const me = useViewer();
  const reads = mayRead(me, "SAFETY_ALERT");
  const alerts = useActiveSafetyAlerts(3, reads);
  if (!reads || !alerts.data || alerts.data.length === 0) return null;
  return (
    <section className="safety-alerts-summary" aria-labelledby="safety-alerts-summary-title">
      <h2 id="safety-alerts-summary-title">{t("alerts.summary.title")}</h2>
      <ul className="card-list">
        {alerts.data.map(({ node }) => (
          <li key={node.id} className="card safety-alert">
            <p className="small">
              <strong>
                {t("alerts.card.title", { area: node.area, date: formatDate(calendarDate(node.occurredOn)) })}
              </strong>
            </p>
            <p className="safety-alert__what small">{node.whatHappened}</p>
          </li>
        ))}
      </ul>
      <Link to="/alertes">{t("alerts.summary.all")}</Link>
    </section>
  );
}
