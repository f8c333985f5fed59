/**
 * A person's rights over her file, on the file page, for the coordinators of the organisation that
 * holds it (MANAGE_PRIVACY): who viewed it (partners' reads included: which organisation, when,
 * what), the structured export of everything held about her, and de-identification at her
 * request — with a reason, the alias typed again, and said plainly to be irreversible.
 */
import { deidentificationReasons } from "@maillage/domain";
import { deidentificationReason, deidentifyPersonInput, withFieldCode } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useFocusWhen } from "../../ui/useFocusWhen.ts";
import { personKeys } from "../persons/persons.graphql.ts";
import { downloadPersonExport } from "./person-export.ts";
import {
  DeidentifyPerson,
  type PersonFileRead,
  PersonFileReadsQuery,
  privacyKeys,
} from "./privacy.graphql.ts";
import "./privacy.css";

/**
 * "This file was de-identified on …", for everyone who reads the file. It takes the focus when it
 * appears while the page is open (right after the coordinator confirmed), not on a later visit.
 */
export function DeidentifiedNotice({ deidentifiedAt }: { deidentifiedAt: string | null }) {
  const { t, formatDate } = useT();
  const [shownAtOpening] = useState(deidentifiedAt !== null);
  const notice = useFocusWhen<HTMLDivElement>(!shownAtOpening && deidentifiedAt);
  if (!deidentifiedAt) return null;
  return (
    <div ref={notice} tabIndex={-1} role="status" className="alert alert--warn privacy-deidentified">
      <p>
        <strong>{t("privacy.file.deidentifiedOn", { date: formatDate(deidentifiedAt) })}</strong>
      </p>
      <p className="small">{t("privacy.file.deidentifiedMeaning")}</p>
    </div>
  );
}

function ReaderCell({ read }: { read: PersonFileRead }) {
  const { t, enumLabel } = useT();
  const roles = read.readerRoles.map((role) => enumLabel("Role", role)).join(", ");
  // One block per cell: on a phone the cell is a grid of its label and this.
  return (
    <div>
      {read.readerName ??
        (read.ownOrganisation ? t("privacy.reads.formerMember") : t("privacy.reads.partnerMember"))}
      {roles ? <div className="small muted">{roles}</div> : null}
    </div>
  );
}

function FileReads({ personId }: { personId: string }) {
  const { t, formatDateTime } = useT();
  const captionId = useId();
  const reads = useQuery({
    queryKey: privacyKeys.fileReads(personId),
    queryFn: async () => (await request(PersonFileReadsQuery, { personId })).personFileReads,
  });
  return (
    <Loaded query={reads} emptyWhen={(data) => data.length === 0} emptyText={t("privacy.reads.none")}>
      {(data) => {
        const partners = new Set(
          data.filter((read) => !read.ownOrganisation).map((read) => read.organisationName),
        );
        return (
          <>
            <p className="small">
              {t("privacy.reads.summary", { count: data.length, partners: partners.size })}
            </p>
            <div className="table-scroll">
              <table className="privacy-reads" aria-labelledby={captionId}>
                <caption id={captionId} className="visually-hidden">
                  {t("privacy.reads.caption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("privacy.reads.at")}</th>
                    <th scope="col">{t("privacy.reads.who")}</th>
                    <th scope="col">{t("privacy.reads.organisation")}</th>
                    <th scope="col">{t("privacy.reads.what")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((read, index) => (
                    // Reads have no id of their own; the list is read whole and never reordered.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <tr key={`${read.at}-${index}`}>
                      <td data-label={t("privacy.reads.at")}>
                        <time dateTime={read.at}>{formatDateTime(read.at)}</time>
                      </td>
                      <td data-label={t("privacy.reads.who")}>
                        <ReaderCell read={read} />
                      </td>
                      <td data-label={t("privacy.reads.organisation")}>
                        <div>
                          {read.organisationName ?? "—"}
                          {read.ownOrganisation ? null : (
                            <div className="small muted">{t("privacy.reads.partner")}</div>
                          )}
                        </div>
                      </td>
                      <td data-label={t("privacy.reads.what")}>{t(`privacy.reads.action.${read.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </Loaded>
  );
}

function ExportFile({ personId }: { personId: string }) {
  const { t, failureMessage } = useT();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: () => downloadPersonExport(personId),
    // The export is one more read of the file: the list says it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyKeys.fileReads(personId) }),
  });
  const outcome = useFocusWhen<HTMLParagraphElement>(download.isSuccess || download.isError);
  return (
    <div className="privacy-file__part">
      <h3>{t("privacy.export.title")}</h3>
      <p className="small">{t("privacy.export.intro")}</p>
      <button
        type="button"
        className="button"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t("privacy.export.pending") : t("privacy.export.button")}
      </button>
      {download.isSuccess ? (
        <p ref={outcome} tabIndex={-1} role="status" className="alert alert--ok">
          {t("privacy.export.done", { name: download.data })}
        </p>
      ) : null}
      {download.isError ? (
        <p ref={outcome} tabIndex={-1} role="alert" className="alert alert--error">
          {failureMessage(failureOf(download.error))}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The API's input as the form holds it: the reason as the select has it ("" before a choice), and
 * the API's own check of the alias typed again said before sending (the file's alias, as written).
 */
function deidentifyForm(alias: string) {
  const same = (typed: string) => typed.normalize("NFC").trim() === alias.normalize("NFC").trim();
  return deidentifyPersonInput.omit({ personId: true }).extend({
    // No choice yet is a missing reason ("required"), not a wrong one.
    reason: z.string().min(1).pipe(deidentificationReason),
    confirmAlias: deidentifyPersonInput.shape.confirmAlias.refine(same, withFieldCode("INVALID_VALUE")),
  });
}

function DeidentifyPanel({
  personId,
  alias,
  onCancel,
}: {
  personId: string;
  alias: string;
  onCancel(): void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const schema = useMemo(() => deidentifyForm(alias), [alias]);
  const form = useDomainForm(schema, { defaultValues: { reason: "", confirmAlias: "" } });
  const field = fieldBinder(form);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened: the question takes the focus, read first.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const deidentify = useMutation({
    mutationFn: (values: z.output<typeof schema>) =>
      mutate(DeidentifyPerson, (data) => data.deidentifyPerson, { input: { personId, ...values } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.all }),
        queryClient.invalidateQueries({ queryKey: privacyKeys.all }),
      ]);
    },
    onError: (error) => showFailure(form, error),
  });
  const reasons = deidentificationReasons.map((reason) => ({
    value: reason,
    label: t(`privacy.deidentify.reason.${reason}`),
  }));
  return (
    <form
      className="alert alert--warn privacy-deidentify"
      aria-labelledby={headingId}
      noValidate
      onSubmit={form.handleSubmit((values) => deidentify.mutate(values))}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t("privacy.deidentify.question", { alias })}
      </h3>
      <p>
        <strong>{t("privacy.deidentify.irreversible")}</strong>
      </p>
      <p className="small">{t("privacy.deidentify.erased")}</p>
      <p className="small">{t("privacy.deidentify.kept")}</p>
      <FormAlert form={form} />
      <SelectField
        label={t("privacy.deidentify.reason")}
        hint={t("privacy.deidentify.reasonHint")}
        placeholder={t("privacy.deidentify.chooseReason")}
        choices={reasons}
        {...field("reason")}
      />
      <TextField
        label={t("privacy.deidentify.confirmAlias")}
        hint={t("privacy.deidentify.confirmAliasHint", { alias })}
        column="Person.alias"
        autoComplete="off"
        spellCheck={false}
        {...field("confirmAlias")}
      />
      <div className="row">
        <button type="submit" className="button button--danger" disabled={deidentify.isPending}>
          {deidentify.isPending ? t("privacy.deidentify.pending") : t("privacy.deidentify.confirm")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

function Deidentify({ personId, alias }: { personId: string; alias: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [closed, setClosed] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (closed) button.current?.focus();
  }, [closed]);
  return (
    <div className="privacy-file__part">
      <h3>{t("privacy.deidentify.title")}</h3>
      <p className="small">{t("privacy.deidentify.intro")}</p>
      {open ? (
        <DeidentifyPanel
          personId={personId}
          alias={alias}
          onCancel={() => {
            setOpen(false);
            setClosed((count) => count + 1);
          }}
        />
      ) : (
        <button ref={button} type="button" className="button button--danger" onClick={() => setOpen(true)}>
          {t("privacy.deidentify.open")}
        </button>
      )}
    </div>
  );
}

export function FilePrivacySection({
  person,
}: {
  person: { id: string; alias: string; deidentifiedAt?: string | null | undefined };
}) {
  const { t } = useT();
  const headingId = useId();
  const readsId = useId();
  const [showReads, setShowReads] = useState(false);
  return (
    <section className="card privacy-file" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("privacy.file.title")}</h2>
      <p className="small muted">{t("privacy.file.intro")}</p>
      <div className="privacy-file__part">
        <h3>{t("privacy.reads.title")}</h3>
        <button
          type="button"
          className="button"
          aria-expanded={showReads}
          aria-controls={readsId}
          onClick={() => setShowReads((shown) => !shown)}
        >
          {showReads ? t("privacy.reads.hide") : t("privacy.reads.show")}
        </button>
        <div id={readsId}>{showReads ? <FileReads personId={person.id} /> : null}</div>
      </div>
      <ExportFile personId={person.id} />
      {person.deidentifiedAt ? null : (
        <Deidentify key={person.id} personId={person.id} alias={person.alias} />
      )}
    </section>
  );
}
