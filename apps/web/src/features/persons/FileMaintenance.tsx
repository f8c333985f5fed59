/**
 * Archiving a file (its writers) and merging a duplicate into it (coordinators), on the file page:
 * each step confirmed in place, the result said where the user is looking.
 */
import { archiveReasonLength } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { Field } from "../../ui/Field.tsx";
import { useDebounced } from "../../ui/useDebounced.ts";
import {
  ArchivePerson,
  MergeCandidatesQuery,
  type MergedRecordCounts,
  MergePersons,
  PersonMergePreviewQuery,
  personKeys,
  RestorePerson,
} from "./persons.graphql.ts";

/** Focuses the element once shown, so that a screen reader says it and the eye finds it. */
function useFocusOnShow<T extends HTMLElement>(shown: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

function FailureAlert({ error }: { error: unknown }) {
  const { failureMessage } = useT();
  return error ? (
    <p role="alert" className="alert alert--error">
      {failureMessage(failureOf(error))}
    </p>
  ) : null;
}

/** "Archived on …" with Restore, or the Archive button and its confirmation with a reason. */
export function ArchiveControls({ personId, archivedAt }: { personId: string; archivedAt: string | null }) {
  const { t, formatDate } = useT();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: personKeys.all });
  const archive = useMutation({
    mutationFn: () =>
      mutate(ArchivePerson, (data) => data.archivePerson, {
        input: { id: personId, reason: reason.trim() || null },
      }),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  const restore = useMutation({
    mutationFn: () => mutate(RestorePerson, (data) => data.restorePerson, { input: { id: personId } }),
    onSuccess: () => refresh(),
  });
  const banner = useFocusOnShow<HTMLDivElement>(archive.isSuccess && archivedAt !== null);
  if (archivedAt) {
    return (
      <div ref={banner} tabIndex={-1} role="status" className="alert alert--warn" style={wholeRow}>
        <p>{t("file.archivedOn", { date: formatDate(archivedAt) })}</p>
        <FailureAlert error={restore.error} />
        <button
          type="button"
          className="button"
          disabled={restore.isPending}
          onClick={() => restore.mutate()}
        >
          {t("file.restore")}
        </button>
      </div>
    );
  }
  if (!confirming) {
    return (
      <>
        {restore.isSuccess ? (
          <p role="status" className="alert alert--ok">
            {t("file.restored")}
          </p>
        ) : null}
        <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
          {t("file.archive")}
        </button>
      </>
    );
  }
  return (
    <div style={wholeRow}>
      <ConfirmDialog
        label={t("file.archive")}
        question={t("file.archiveQuestion")}
        confirmLabel={t("file.archive")}
        pending={archive.isPending}
        onConfirm={() => archive.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <Field label={t("file.archiveReason")} hint={t("file.archiveReasonHint")} optional>
          {(control) => (
            <input
              {...control}
              value={reason}
              maxLength={archiveReasonLength}
              onChange={(event) => setReason(event.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <FailureAlert error={archive.error} />
      </ConfirmDialog>
    </div>
  );
}

const countKeys = [
  "encounters",
  "accompaniments",
  "nurseVisits",
  "referrals",
  "consents",
  "followers",
  "legalName",
] as const satisfies readonly (keyof MergedRecordCounts)[];

/** The kinds that move, with their counts (the kinds with nothing to move are left out). */
function Counts({ records }: { records: MergedRecordCounts }) {
  const { t } = useT();
  const moving = countKeys.filter((key) => records[key] > 0);
  if (moving.length === 0) return <p className="small">{t("merge.nothing")}</p>;
  return (
    <ul className="small">
      {moving.map((key) => (
        <li key={key}>{t(`merge.count.${key}`, { count: records[key] })}</li>
      ))}
    </ul>
  );
}

/** In the file's row of actions, an open panel or question takes the whole width. */
const wholeRow = { flex: "1 1 100%" } as const;

/**
 * "Merge with another file…": pick the duplicate (suggested, or searched by alias), read what will
 * move, confirm. The file shown is kept; the duplicate's records move to it and it disappears.
 */
export function MergePanel({
  personId,
  alias,
  suggested,
}: {
  personId: string;
  alias: string;
  /** A duplicate to propose at once (the `?fusionner=` of a link from possible duplicates). */
  suggested: string | null;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const searchId = useId();
  const [open, setOpen] = useState(suggested !== null);
  const [search, setSearch] = useState(alias.slice(0, 3));
  const [chosen, setChosen] = useState<string | null>(suggested);
  const [done, setDone] = useState<MergedRecordCounts | null>(null);
  const term = useDebounced(search.trim(), 250);
  const candidates = useQuery({
    queryKey: ["merge-candidates", personId, term],
    enabled: open && chosen === null,
    queryFn: async () =>
      (await request(MergeCandidatesQuery, { search: term || null })).persons.edges
        .map((edge) => edge.node)
        .filter((person) => person.id !== personId),
  });
  const preview = useQuery({
    queryKey: ["merge-preview", personId, chosen],
    enabled: chosen !== null,
    queryFn: async () =>
      (await request(PersonMergePreviewQuery, { keepId: personId, mergeId: chosen ?? "" }))
        .personMergePreview,
  });
  const merge = useMutation({
    mutationFn: () =>
      mutate(MergePersons, (data) => data.mergePersons, {
        input: { keepId: personId, mergeId: chosen ?? "" },
      }),
    onSuccess: async (result) => {
      // The file shows what moved (its history reloaded) when the confirmation appears.
      await queryClient.invalidateQueries({ queryKey: personKeys.all });
      setDone(result.moved);
      setChosen(null);
      setOpen(false);
    },
  });
  const doneRef = useFocusOnShow<HTMLDivElement>(done !== null);
  const panelRef = useFocusOnShow<HTMLHeadingElement>(open);
  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1} role="status" className="alert alert--ok" style={wholeRow}>
        <p>{t("merge.done")}</p>
        <Counts records={done} />
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t("merge.open")}
      </button>
    );
  }
  const summary = preview.data;
  return (
    <section className="card" aria-labelledby={`${searchId}-title`} style={wholeRow}>
      <h2 id={`${searchId}-title`} ref={panelRef} tabIndex={-1}>
        {t("merge.title")}
      </h2>
      <p className="small">{t("merge.intro", { alias })}</p>
      {chosen === null ? (
        <>
          <div className="field">
            <label htmlFor={searchId}>{t("merge.search")}</label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              autoComplete="off"
            />
          </div>
          {candidates.data?.length === 0 ? (
            <p className="muted" role="status">
              {t("persons.none")}
            </p>
          ) : null}
          <ul className="card-list">
            {candidates.data?.map((person) => (
              <li key={person.id}>
                <button type="button" className="button" onClick={() => setChosen(person.id)}>
                  {t("merge.choose", { alias: person.alias })}
                  {person.birthYear ? ` · ${t("persons.bornIn", { year: person.birthYear })}` : ""}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t("app.cancel")}
          </button>
        </>
      ) : preview.isPending ? (
        <p role="status">{t("app.loading")}</p>
      ) : !summary ? (
        <>
          <p role="alert" className="alert alert--error">
            {t("errors.NOT_FOUND")}
          </p>
          <button type="button" className="button" onClick={() => setChosen(null)}>
            {t("merge.back")}
          </button>
        </>
      ) : (
        <>
          <p>{t("merge.summary", { merged: summary.merge.alias, kept: alias })}</p>
          <Counts records={summary.records} />
          {summary.consentsMatch ? (
            <ConfirmDialog
              label={t("merge.title")}
              question={t("merge.question", { merged: summary.merge.alias, kept: alias })}
              confirmLabel={t("merge.confirm")}
              pending={merge.isPending}
              onConfirm={() => merge.mutate()}
              onCancel={() => setChosen(null)}
            >
              <FailureAlert error={merge.error} />
            </ConfirmDialog>
          ) : (
            <>
              <p role="alert" className="alert alert--error">
                {t("errors.MERGE_CONSENTS_DIFFER")}
              </p>
              <button type="button" className="button" onClick={() => setChosen(null)}>
                {t("merge.back")}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
