import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { hasRole, useViewer } from "../auth/session.ts";
import { ConsentSection } from "./ConsentSection.tsx";
import { PartnerPreviewPanel } from "./PartnerPreviewPanel.tsx";
import { type PersonFile, personFileQuery, personKeys } from "./persons.graphql.ts";
import { Timeline } from "./Timeline.tsx";
import "./persons.css";

export function PersonFilePage({ params }: { params: Record<string, string> }) {
  const { t } = useT();
  const me = useViewer();
  const id = params.id ?? "";
  const file = useQuery({
    queryKey: personKeys.file(id),
    queryFn: async () => (await graphql<{ person: PersonFile | null }>(personFileQuery, { id })).person,
  });
  // Links to the consent section (#consentement) scroll to it once the file is shown.
  useEffect(() => {
    if (file.data && location.hash === "#consentement")
      document.getElementById("consentement-section")?.scrollIntoView();
  }, [file.data]);
  if (file.isPending) {
    return (
      <section className="page">
        <h1>{t("app.loading")}</h1>
      </section>
    );
  }
  if (file.isError) return <QueryFailure error={file.error} onRetry={() => void file.refetch()} />;
  const person = file.data;
  if (!person) {
    return (
      <section className="page">
        <h1>{t("errors.NOT_FOUND")}</h1>
        <Link to="/personnes">{t("persons.title")}</Link>
      </section>
    );
  }
  const encoded = encodeURIComponent(person.id);
  const worker = hasRole(me, "OUTREACH_WORKER", "COORDINATOR");
  return (
    <section className="page">
      <h1>{person.alias}</h1>
      {person.possiblyMinor ? (
        <p role="note" className="alert alert--warn">
          {t("file.minorReminder")}
        </p>
      ) : null}
      {person.ownedByViewer ? null : (
        <p role="note" className="alert alert--warn">
          {t("file.sharedNotice", { name: person.organisation.name })}
        </p>
      )}
      {person.ownedByViewer && worker ? (
        <div className="row file-actions">
          <Link to={`/rencontres/nouvelle?personne=${encoded}`} className="button button--primary">
            {t("file.newEncounter")}
          </Link>
          <Link to={`/references/nouvelle?personne=${encoded}`} className="button">
            {t("file.refer")}
          </Link>
          <Link to={`/visites/nouvelle?personne=${encoded}`} className="button">
            {t("file.bookVisit")}
          </Link>
          <Link to={`/personnes/${encoded}/modifier`} className="button button--quiet">
            {t("file.edit")}
          </Link>
        </div>
      ) : null}
      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">{t("file.profile")}</h2>
        <dl className="facts">
          <dt>{t("file.birthYear")}</dt>
          <dd>{person.birthYear ?? "—"}</dd>
          <dt>{t("file.gender")}</dt>
          <dd>{t(`gender.${person.gender}` as MessageKey)}</dd>
          <dt>{t("file.languages")}</dt>
          <dd>{person.languages.join(", ") || "—"}</dd>
          <dt>{t("file.contact")}</dt>
          <dd>
            {t(person.mayText ? "file.mayText" : "file.mayNotText")} ·{" "}
            {t(person.mayLeaveMessage ? "file.mayLeaveMessage" : "file.mayNotLeaveMessage")}
            {person.safeContactNote ? <div>{person.safeContactNote}</div> : null}
          </dd>
          {person.legalName ? (
            <>
              <dt>{t("file.legalName")}</dt>
              <dd>{person.legalName}</dd>
            </>
          ) : null}
          <dt>{t("file.owner")}</dt>
          <dd>{person.organisation.name}</dd>
        </dl>
      </section>
      <h2>{t("timeline.title")}</h2>
      <Timeline person={person} />
      {person.ownedByViewer && worker ? (
        <>
          <ConsentSection personId={person.id} consents={person.consents} />
          <PartnerPreviewPanel personId={person.id} />
        </>
      ) : null}
    </section>
  );
}
