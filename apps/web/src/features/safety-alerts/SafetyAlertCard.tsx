import { useT } from "../../app/i18n/index.tsx";
import { calendarDate, type SafetyAlert } from "./safety-alerts.graphql.ts";

/** One alert: what happened, who and what to look out for, where, when, until when. */
export function SafetyAlertCard({ alert, headingLevel = 3 }: { alert: SafetyAlert; headingLevel?: 2 | 3 }) {
  const { t, formatDate } = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card safety-alert">
      <Heading className="safety-alert__title">
        {t("alerts.card.title", { area: alert.area, date: formatDate(calendarDate(alert.occurredOn)) })}
      </Heading>
      <p className="safety-alert__what">{alert.whatHappened}</p>
      <dl className="facts small">
        {alert.aggressorDescription ? (
          <>
            <dt>{t("alerts.aggressor")}</dt>
            <dd>{alert.aggressorDescription}</dd>
          </>
        ) : null}
        {alert.vehicleDescription ? (
          <>
            <dt>{t("alerts.vehicle")}</dt>
            <dd>{alert.vehicleDescription}</dd>
          </>
        ) : null}
        <dt>{t("alerts.area")}</dt>
        <dd>{alert.area}</dd>
        <dt>{t("alerts.occurredOn")}</dt>
        <dd>{formatDate(calendarDate(alert.occurredOn))}</dd>
        <dt>{t("alerts.expiresAt")}</dt>
        <dd>{formatDate(alert.expiresAt)}</dd>
        <dt>{t("alerts.partnership")}</dt>
        <dd>{alert.partnership.name}</dd>
      </dl>
    </li>
  );
}
