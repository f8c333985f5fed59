/**
 * The night centre (`/centre-de-nuit`): tonight's open evening if there is one (its screen), else
 * the previous evening's handover first and the form that opens tonight's, then the previous
 * evenings (their totals and handovers).
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, Redirect } from "../../app/router.tsx";
import type { NightCentreHomeQuery as NightCentreHomeQueryResult } from "../../generated/graphql.ts";
import { Loaded } from "../../ui/Loaded.tsx";
import { useViewer } from "../auth/session.ts";
import { catalogueChoices } from "../encounters/catalogue-choices.ts";
import { calendarDate } from "../safety-alerts/safety-alerts.graphql.ts";
import { EveningScreen } from "./EveningScreen.tsx";
import { NightCentreHomeQuery, nightCentreKeys } from "./night-centre.graphql.ts";
import { eveningPath } from "./night-centre.paths.ts";
import { OpenEveningForm } from "./OpenEveningForm.tsx";
import "./night-centre.css";

function HomeView({ data }: { data: NightCentreHomeQueryResult }) {
  const { t, formatDate } = useT();
  const me = useViewer();
  const centres = data.nightCentreChoices.centres;
  const [venueId, setVenueId] = useState(centres[0]?.id ?? "");
  const open = data.open.edges.map((edge) => edge.node);
  const recent = data.recent.edges.map((edge) => edge.node);
  const only = open.length === 1 ? open[0] : undefined;
  if (only) return <Redirect to={eveningPath(only.id)} />;
  const previous = recent.find((evening) => evening.centre.id === venueId);
  const label = (evening: { eveningOn: string; centre: { name: string } }) =>
    t("night.eveningLink", {
      centre: evening.centre.name,
      date: formatDate(calendarDate(evening.eveningOn)),
    });
  return (
    <section className="page night">
      <h1>{t("night.title")}</h1>
      {previous ? (
        <section aria-labelledby="previous-handover-title" className="alert alert--warn handover-previous">
          <h2 id="previous-handover-title">
            {t("night.previousHandover", { date: formatDate(calendarDate(previous.eveningOn)) })}
          </h2>
          {previous.handoverNote ? (
            <p className="handover-previous__body">{previous.handoverNote}</p>
          ) : (
            <p className="muted">{t("night.noPreviousHandover")}</p>
          )}
        </section>
      ) : null}
      {open.length > 1 ? (
        <section aria-labelledby="open-evenings-title">
          <h2 id="open-evenings-title">{t("night.openEvenings")}</h2>
          <ul className="card-list">
            {open.map((evening) => (
              <li key={evening.id} className="card">
                <Link to={eveningPath(evening.id)}>{label(evening)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {centres.length === 0 ? (
        <p className="alert alert--warn">{t("night.open.noCentre")}</p>
      ) : (
        <OpenEveningForm
          choices={data.nightCentreChoices}
          services={catalogueChoices(data.catalogue).services}
          viewerId={me.user?.id ?? ""}
          venueId={venueId}
          onVenueChange={setVenueId}
        />
      )}
      {recent.length > 0 ? (
        <section aria-labelledby="recent-evenings-title">
          <h2 id="recent-evenings-title">{t("night.recent")}</h2>
          <ul className="card-list">
            {recent.map((evening) => (
              <li key={evening.id} className="card">
                <Link to={eveningPath(evening.id)}>{label(evening)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export function NightCentrePage() {
  const home = useQuery({ queryKey: nightCentreKeys.home, queryFn: () => request(NightCentreHomeQuery) });
  return <Loaded query={home}>{(data) => <HomeView data={data} />}</Loaded>;
}

/** One evening (`/centre-de-nuit/soirees/:id`): tonight's, or a previous one with its totals. */
export function EveningPage({ params }: { params: Record<string, string> }) {
  return <EveningScreen id={params.id ?? ""} />;
}
