import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link, usePath } from "../../app/router.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayRead, mayTake, mayWrite, useViewer } from "../auth/session.ts";
import { IntakeSection } from "../night-centre/IntakeSection.tsx";
import { DeidentifiedNotice, FilePrivacySection } from "../privacy/FilePrivacySection.tsx";
import { ConsentSection } from "./ConsentSection.tsx";
import { ArchiveControls, MergePanel } from "./FileMaintenance.tsx";
import { PartnerPreviewPanel } from "./PartnerPreviewPanel.tsx";
import { PersonFileQuery, personKeys } from "./persons.graphql.ts";
import { Timeline } from "./Timeline.tsx";
import "./persons.css";
import { Fact } from "../../ui/Fact.tsx";
import { NotFoundPage } from "../../ui/NotFoundPage.tsx";

export function PersonFilePage({ params }: { params: Record<string, string> }) {
  const { t, enumLabel } = useT();
  const me = useViewer();
  const id = params.id ?? "";
  // `?fusionner=<id>`: a possible duplicate to merge into this file (from the new file's warning).
  const suggestedMerge = usePath().search.get("fusionner");
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
      <NotFoundPage>
        <Link to="/personnes">{t("persons.title")}</Link>
      </NotFoundPage>
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
      <DeidentifiedNotice deidentifiedAt={person.deidentifiedAt ?? null} />
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
      {owned && (mayWrite(me, "PERSON_PROFILE") || mayTake(me, "MERGE_PERSON_FILES")) ? (
        <div className="row file-actions">
          {mayWrite(me, "PERSON_PROFILE") ? (
            <ArchiveControls key={person.id} personId={person.id} archivedAt={person.archivedAt ?? null} />
          ) : null}
          {mayTake(me, "MERGE_PERSON_FILES") && !person.archivedAt ? (
            <MergePanel
              key={person.id}
              personId={person.id}
              alias={person.alias}
              suggested={suggestedMerge}
            />
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="profile-title" className="card">
        <h2 id="profile-title">{t("file.profile")}</h2>
        <dl className="facts">
          <Fact term={t("file.birthYear")}>{person.birthYear ?? "—"}</Fact>
          <Fact term={t("file.gender")}>{enumLabel("Gender", person.gender)}</Fact>
          <Fact term={t("file.languages")}>{person.languages.join(", ") || "—"}</Fact>
          <Fact term={t("file.contact")}>
            {t(person.mayText ? "file.mayText" : "file.mayNotText")} ·{" "}
            {t(person.mayLeaveMessage ? "file.mayLeaveMessage" : "file.mayNotLeaveMessage")}
            {person.safeContactNote ? <div>{person.safeContactNote}</div> : null}
          </Fact>
          {person.legalName ? <Fact term={t("file.legalName")}>{person.legalName}</Fact> : null}
          <Fact term={t("file.owner")}>{person.organisation.name}</Fact>
        </dl>
      </section>
      {owned && mayRead(me, "INTAKE_ASSESSMENT") ? (
        <IntakeSection personId={person.id} alias={person.alias} />
      ) : null}
      <h2>{t("timeline.title")}</h2>
      <Timeline person={person} />
      {owned && mayWrite(me, "CONSENT") ? (
        <>
          <ConsentSection personId={person.id} consents={person.consents} />
          <PartnerPreviewPanel personId={person.id} />
        </>
      ) : null}
      {owned && mayTake(me, "MANAGE_PRIVACY") ? <FilePrivacySection person={person} /> : null}
    </section>
  );
}
