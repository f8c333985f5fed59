/**
 * /reglages/confidentialite: the organisation's Law 25 duties in one place — its retention period
 * with the dry run of a change (coordinators: MANAGE_PRIVACY), and the way to its
 * confidentiality-incident register (coordinators and org admins: KEEP_INCIDENT_REGISTER). A
 * person's own requests (who viewed her file, her export, de-identification) are on her file.
 */
import { useId } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import { incidentRegisterPath } from "./privacy-paths.ts";
import { RetentionCard } from "./RetentionCard.tsx";
import "./privacy.css";

function IncidentRegisterCard() {
  const { t } = useT();
  const headingId = useId();
  return (
    <article className="card privacy__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("privacy.incidents.title")}</h2>
      <p className="small">{t("privacy.incidents.summary")}</p>
      <Link to={incidentRegisterPath} className="button">
        {t("privacy.incidents.open")}
      </Link>
    </article>
  );
}

export function PrivacyPage() {
  const { t } = useT();
  const me = useViewer();
  return (
    <section className="page privacy">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.intro")}</p>
      {mayTake(me, "MANAGE_PRIVACY") ? <RetentionCard /> : null}
      {mayTake(me, "KEEP_INCIDENT_REGISTER") ? <IncidentRegisterCard /> : null}
      {mayTake(me, "MANAGE_PRIVACY") ? <p className="small muted">{t("privacy.personRequests")}</p> : null}
    </section>
  );
}
