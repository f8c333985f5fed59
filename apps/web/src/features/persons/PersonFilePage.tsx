import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { ConsentSection } from "./ConsentSection.tsx";
import { PartnerPreviewPanel } from "./PartnerPreviewPanel.tsx";
import { PersonFileQuery, personKeys } from "./persons.graphql.ts";
import { Timeline } from "./Timeline.tsx";
import "./persons.css";

export function PersonFilePage({ params }: { params: Record<string, string> }) {
  const { t, enumLabel } = useT();
  const me = useViewer();
  const id = params.id ?? "";
  const file = useQuery({
    queryKey: personKeys.file(id),
    queryFn: async () => (await request(PersonFileQuery, { id })).person,
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
  // Each action is offered to the roles the permission registry lets write its record (the
  // API's scopes read the same table); on a partner's file, only what it shares is shown.
  const owned = person.ownedByViewer;
  const actions = [
    { kind: "ENCOUNTER", to: `/rencontres/nouvelle?personne=${encoded}`, label: t("file.newEncounter") },
    { kind: "REFERRAL", to: `/references/nouvelle?personne=${encoded}`, label: t("file.refer") },
    { kind: "NURSE_VISIT", to: `/visites/nouvelle?personne=${encoded}`, label: t("file.bookVisit") },
    { kind: "PERSON_PROFILE", to: `/personnes/${encoded}/modifier`, label: t("file.edit") },
  ] as const;
  const offered = owned ? actions.filter((action) => mayWrite(me, action.kind)) : [];
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
      {offered.length > 0 ? (
        <div className="row file-actions">
          {offered.map((action, index) => (
            <Link
              key={action.kind}
              to={action.to}
              className={
                index === 0
                  ? "button button--primary"
                  : action.kind === "PERSON_PROFILE"
                    ? "button button--quiet"
                    : "button"
              }
            >
              {action.label}
            </Link>
          ))}
        </div>
      ) : null}
      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">{t("file.profile")}</h2>
        <dl className="facts">
          <dt>{t("file.birthYear")}</dt>
          <dd>{person.birthYear ?? "—"}</dd>
          <dt>{t("file.gender")}</dt>
          <dd>{enumLabel("Gender", person.gender)}</dd>
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
      {owned && mayWrite(me, "CONSENT") ? (
        <>
          <ConsentSection personId={person.id} consents={person.consents} />
          <PartnerPreviewPanel personId={person.id} />
        </>
      ) : null}
    </section>
  );
}
