import type { MessageKey } from "../../app/i18n/index.tsx";
import { useT } from "../../app/i18n/index.tsx";
import type { Role } from "../../generated/enums.ts";
import { mayRead, useViewer } from "../auth/session.ts";
import { ActiveAlertsSummary } from "../safety-alerts/ActiveAlertsSummary.tsx";

/** What each role held in the acting organisation finds in Maillage. */
const roleLines: Record<Role, MessageKey> = {
  OUTREACH_WORKER: "home.OUTREACH_WORKER",
  NURSE: "home.NURSE",
  COORDINATOR: "home.COORDINATOR",
  ORG_ADMIN: "home.ORG_ADMIN",
};

/**
 * The home page: a line for each role held in the acting organisation (and for a committee
 * seat), or what to do when there is none; the active safety alerts to those who may read them.
 */
export function HomePage() {
  const { t } = useT();
  const me = useViewer();
  const lines: MessageKey[] = [];
  if (!me.actingOrganisation && me.committeeSeats.length === 0) lines.push("home.NO_ORGANISATION");
  for (const role of me.roles) lines.push(roleLines[role]);
  if (me.committeeSeats.length > 0) lines.push("home.COMMITTEE");
  if (me.actingOrganisation && lines.length === 0) lines.push("home.NO_ROLE");
  return (
    <section className="page">
      <h1>{t("home.greeting", { name: me.user.displayName })}</h1>
      {me.actingOrganisation ? <p className="muted">{me.actingOrganisation.name}</p> : null}
      <ul className="card-list">
        {lines.map((line) => (
          <li key={line} className="card">
            {t(line)}
          </li>
        ))}
      </ul>
      {mayRead(me, "SAFETY_ALERT") ? <ActiveAlertsSummary /> : null}
    </section>
  );
}
