import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { failureOf, mutate } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { LateEntryMark } from "../record-dates/LateEntryMark.tsx";
import { DeleteEncounter, type PersonFile, personKeys } from "./persons.graphql.ts";

type EntryKind = "encounter" | "accompaniment" | "visit" | "referral";
const kindLabels: Record<EntryKind, MessageKey> = {
  encounter: "timeline.encounter",
  accompaniment: "timeline.accompaniment",
  visit: "timeline.visit",
  referral: "timeline.referral",
};

interface Entry {
  kind: EntryKind;
  id: string;
  changeable?: boolean;
  at: string;
  facts: string[];
  note?: string | null;
  link?: string;
  warning?: string;
  /** Entered more than three days after it happened (and when it was entered, for its team). */
  late?: { enteredAt: string | null };
}

/** Edit (in the quick-entry screen) or delete, with a confirmation step. */
function EncounterActions({ encounterId, personId }: { encounterId: string; personId: string }) {
  const { t, failureMessage } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => mutate(DeleteEncounter, (data) => data.deleteEncounter, { id: encounterId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: personKeys.file(personId) }),
  });
  if (confirming) {
    return (
      <ConfirmDialog
        label={t("timeline.delete")}
        question={t("timeline.deleteConfirm")}
        confirmLabel={t("timeline.delete")}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {remove.isError ? <p role="alert">{failureMessage(failureOf(remove.error))}</p> : null}
      </ConfirmDialog>
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

/** What every entry has: its kind, its record's id, when it happened. */
function entryOf(kind: EntryKind, id: string, at: string) {
  return { kind, id, at };
}

/** One history of the file: encounters, accompaniments, visits and referrals, newest first. */
export function Timeline({ person }: { person: PersonFile }) {
  const { t, formatDateTime, enumLabel } = useT();
  const entries: Entry[] = [
    ...person.encounters.edges.map(({ node }) => ({
      ...entryOf("encounter", node.id, node.occurredAt),
      facts: [
        `${enumLabel("Channel", node.channel)} · ${enumLabel("PlaceType", node.placeType)}`,
        node.headCount > 1 ? t("timeline.people", { count: node.headCount }) : "",
        node.themes.map((theme) => enumLabel("Theme", theme)).join(", "),
        (node.outcomes ?? []).map((outcome) => enumLabel("PersonOutcome", outcome)).join(", "),
        node.platformLabel ?? "",
        node.materials.map((m) => `${m.label} × ${m.quantity}`).join(", "),
        node.services.map((s) => s.label).join(", "),
      ].filter(Boolean),
      note: node.note,
      changeable: node.viewerMayChange,
      ...(node.lateEntry ? { late: { enteredAt: node.enteredAt ?? null } } : {}),
    })),
    ...person.accompaniments.edges.map(({ node }) => ({
      ...entryOf("accompaniment", node.id, node.plannedAt),
      facts: [
        `${enumLabel("AccompanimentDestination", node.destination)} · ${enumLabel("AccompanimentStatus", node.status)}`,
        node.outcome ?? "",
      ].filter(Boolean),
      note: node.note,
      ...(node.lateEntry ? { late: { enteredAt: node.enteredAt ?? null } } : {}),
    })),
    ...person.nurseVisits.edges.map(({ node }) => ({
      ...entryOf("visit", node.id, node.plannedStart),
      facts: [
        `${enumLabel("PlaceType", node.placeType)} · ${enumLabel("NurseVisitStatus", node.status)}`,
        node.acts.map((a) => `${enumLabel("ClinicalActKind", a.kind)} × ${a.count}`).join(", "),
      ].filter(Boolean),
      link: `/visites/${encodeURIComponent(node.id)}`,
    })),
    ...person.referrals.edges.map(({ node }) => ({
      ...entryOf("referral", node.id, node.createdAt),
      facts: [
        `${node.serviceRequested} — ${person.ownedByViewer ? t("timeline.referredTo", { name: node.toOrganisation.name }) : t("timeline.referredFrom", { name: node.fromOrganisation.name })}`,
        `${enumLabel("ReferralStatus", node.status)}${node.outcome ? ` · ${enumLabel("ReferralOutcome", node.outcome)}` : ""}`,
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
                <Link to={entry.link}>{t(kindLabels[entry.kind])}</Link>
              ) : (
                t(kindLabels[entry.kind])
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
          {entry.late ? <LateEntryMark lateEntry enteredAt={entry.late.enteredAt} /> : null}
          {entry.changeable ? <EncounterActions encounterId={entry.id} personId={person.id} /> : null}
          {entry.note ? (
            <p className="small" style={{ margin: "0.25rem 0 0" }}>
              <strong>{t("timeline.noteLabel")}</strong> {entry.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
