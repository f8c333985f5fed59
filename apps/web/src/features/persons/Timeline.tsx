import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { deleteEncounterMutation, type PersonFile, personKeys } from "./persons.graphql.ts";

interface Entry {
  kind: "encounter" | "accompaniment" | "visit" | "referral";
  id: string;
  changeable?: boolean;
  at: string;
  facts: string[];
  note?: string | null;
  link?: string;
  warning?: string;
}

/** Edit (in the quick-entry screen) or delete, with a confirmation step. */
function EncounterActions({ encounterId, personId }: { encounterId: string; personId: string }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => graphql(deleteEncounterMutation, { id: encounterId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: personKeys.file(personId) }),
  });
  if (confirming) {
    return (
      <div className="alert alert--warn" role="alertdialog" aria-label={t("timeline.delete")}>
        <p>{t("timeline.deleteConfirm")}</p>
        <div className="row">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t("timeline.delete")}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t("app.cancel")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <Link
        to={`/rencontres/nouvelle?modifier=${encodeURIComponent(encounterId)}`}
        className="button button--quiet"
      >
        {t("timeline.edit")}
      </Link>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        {t("timeline.delete")}
      </button>
    </div>
  );
}

/** One history of the file: encounters, accompaniments, visits and referrals, newest first. */
export function Timeline({ person }: { person: PersonFile }) {
  const { t, formatDateTime, language } = useT();
  const label = (value: string) => enumLabel(language, value);
  const entries: Entry[] = [
    ...person.encounters.edges.map(({ node }) => ({
      kind: "encounter" as const,
      id: node.id,
      at: node.occurredAt,
      facts: [
        `${label(node.channel)} · ${label(node.placeType)}`,
        node.themes.map(label).join(", "),
        node.materials.map((m) => `${label(m.item)} × ${m.quantity}`).join(", "),
      ].filter(Boolean),
      note: node.note,
      changeable: node.viewerMayChange,
    })),
    ...person.accompaniments.edges.map(({ node }) => ({
      kind: "accompaniment" as const,
      id: node.id,
      at: node.plannedAt,
      facts: [`${label(node.destination)} · ${label(node.status)}`, node.outcome ?? ""].filter(Boolean),
      note: node.note,
    })),
    ...person.nurseVisits.edges.map(({ node }) => ({
      kind: "visit" as const,
      id: node.id,
      at: node.plannedStart,
      facts: [
        `${label(node.placeType)} · ${label(node.status)}`,
        node.acts.map((a) => `${label(a.kind)} × ${a.count}`).join(", "),
      ].filter(Boolean),
      link: `/visites/${encodeURIComponent(node.id)}`,
    })),
    ...person.referrals.edges.map(({ node }) => ({
      kind: "referral" as const,
      id: node.id,
      at: node.createdAt,
      facts: [
        `${node.serviceRequested} — ${person.ownedByViewer ? t("timeline.referredTo", { name: node.toOrganisation.name }) : t("timeline.referredFrom", { name: node.fromOrganisation.name })}`,
        `${label(node.status)}${node.outcome ? ` · ${label(node.outcome)}` : ""}`,
      ],
      link: `/references/${encodeURIComponent(node.id)}`,
      ...(node.consentInForce ? {} : { warning: t("timeline.consentWithdrawn") }),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <p className="muted">{t("timeline.empty")}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          className={`card timeline__entry timeline__entry--${entry.kind}`}
        >
          <div className="row row--between">
            <span className="timeline__kind">
              {entry.link ? (
                <Link to={entry.link}>{t(`timeline.${entry.kind}` as MessageKey)}</Link>
              ) : (
                t(`timeline.${entry.kind}` as MessageKey)
              )}
            </span>
            <time dateTime={entry.at} className="small muted">
              {formatDateTime(entry.at)}
            </time>
          </div>
          {entry.facts.map((fact) => (
            <p key={fact} className="small" style={{ margin: "0.25rem 0 0" }}>
              {fact}
            </p>
          ))}
          {entry.warning ? <span className="badge badge--warn">{entry.warning}</span> : null}
          {entry.changeable ? <EncounterActions encounterId={entry.id} personId={person.id} /> : null}
          {entry.note ? (
            <p className="small" style={{ margin: "0.25rem 0 0" }}>
              <strong>{t("timeline.note")} : </strong>
              {entry.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
