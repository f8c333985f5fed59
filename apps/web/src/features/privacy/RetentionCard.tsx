/**
 * The organisation's retention period (Law 25 s. 23: no longer than necessary), on its privacy
 * page: the period in force and what the daily job will do with it, then a change in two steps —
 * the dry run of the new period (retentionReport(retentionYears:): which files would be
 * de-identified at the next run and within 90 days), and only then the confirmation that sets it.
 * The form is read by the API's own input schema (setRetentionPeriodInput).
 */
import { setRetentionPeriodInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useFocusWhen } from "../../ui/useFocusWhen.ts";
import {
  type PrivacySettings,
  PrivacySettingsQuery,
  privacyKeys,
  type RetentionReport,
  RetentionReportQuery,
  SetRetentionPeriod,
} from "./privacy.graphql.ts";
import { RetentionReportView } from "./RetentionReportView.tsx";

/** The form: a period in years, or none (an explicit choice); read as the API's input. */
const periodForm = z
  .object({ keep: z.enum(["YEARS", "FOREVER"]), retentionYears: z.string() })
  .transform((values) => ({
    retentionYears:
      values.keep === "FOREVER"
        ? null
        : values.retentionYears.trim() === ""
          ? undefined
          : Number(values.retentionYears.trim()),
  }))
  .pipe(setRetentionPeriodInput);
type PeriodValues = z.input<typeof periodForm>;

function valuesOf(settings: PrivacySettings): PeriodValues {
  return {
    keep: settings.retentionYears === null ? "FOREVER" : "YEARS",
    retentionYears: String(settings.retentionYears ?? settings.defaultRetentionYears),
  };
}

/** A dry run, the organisation's period or the one previewed (a fresh one each time it is asked). */
function fetchReport(retentionYears: number | null) {
  return async () => (await request(RetentionReportQuery, { retentionYears })).retentionReport;
}

function CurrentPeriod({ settings }: { settings: PrivacySettings }) {
  const { t } = useT();
  const current = settings.retentionYears;
  const report = useQuery({ queryKey: privacyKeys.report(null), queryFn: fetchReport(null) });
  return (
    <>
      <p className="retention__current">
        {current === null
          ? t("privacy.retention.currentNever")
          : t("privacy.retention.current", { years: current })}
      </p>
      {current === null ? (
        <p className="small muted">{t("privacy.retention.neverConsequence")}</p>
      ) : (
        <>
          <h3>{t("privacy.retention.nextRuns")}</h3>
          <Loaded query={report}>{(data) => <RetentionReportView report={data} />}</Loaded>
        </>
      )}
    </>
  );
}

interface Preview {
  retentionYears: number | null;
  /** The dry run with that period (none for "never": nothing is de-identified). */
  report: RetentionReport | null;
}

function PreviewPanel({
  preview,
  current,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  preview: Preview;
  current: number | null;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, failureMessage } = useT();
  const headingId = useId();
  const panel = useFocusWhen<HTMLElement>(preview);
  const errorAlert = useFocusWhen<HTMLParagraphElement>(error);
  const unchanged = preview.retentionYears === current;
  const years = preview.retentionYears;
  return (
    <section ref={panel} tabIndex={-1} className="retention__preview" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {years === null ? t("privacy.preview.titleNever") : t("privacy.preview.title", { years })}
      </h3>
      {unchanged ? (
        <p>{t("privacy.preview.unchanged")}</p>
      ) : years === null ? (
        <p>{t("privacy.retention.neverConsequence")}</p>
      ) : preview.report ? (
        <>
          <RetentionReportView report={preview.report} />
          {preview.report.dueNow > 0 ? (
            <p className="alert alert--warn">
              {t("privacy.preview.irreversible", { count: preview.report.dueNow })}
            </p>
          ) : (
            <p className="small muted">{t("privacy.preview.nothingNow")}</p>
          )}
        </>
      ) : null}
      {error ? (
        <p ref={errorAlert} tabIndex={-1} role="alert" className="alert alert--error">
          {failureMessage(failureOf(error))}
        </p>
      ) : null}
      <div className="row">
        {unchanged ? null : (
          <button
            type="button"
            className={
              preview.report && preview.report.dueNow > 0 ? "button button--danger" : "button button--primary"
            }
            disabled={pending}
            onClick={onConfirm}
          >
            {pending
              ? t("privacy.preview.saving")
              : years === null
                ? t("privacy.preview.confirmNever")
                : t("privacy.preview.confirm", { years })}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {unchanged ? t("privacy.preview.close") : t("app.cancel")}
        </button>
      </div>
    </section>
  );
}

function RetentionSettings({ settings }: { settings: PrivacySettings }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(periodForm, { defaultValues: valuesOf(settings) });
  const field = fieldBinder(form);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saved, setSaved] = useState<{ retentionYears: number | null } | null>(null);
  const [backToForm, setBackToForm] = useState(0);
  const previewButton = useRef<HTMLButtonElement>(null);
  const savedStatus = useFocusWhen<HTMLParagraphElement>(saved);
  // Back at the button that opened the preview once it is closed (an effect: after the commit).
  useEffect(() => {
    if (backToForm) previewButton.current?.focus();
  }, [backToForm]);
  const previewing = useMutation({
    mutationFn: async (retentionYears: number | null): Promise<Preview> => ({
      retentionYears,
      report:
        retentionYears === null
          ? null
          : await queryClient.fetchQuery({
              queryKey: privacyKeys.report(retentionYears),
              queryFn: fetchReport(retentionYears),
              staleTime: 0,
            }),
    }),
    onSuccess: (next) => {
      setSaved(null);
      setPreview(next);
    },
    onError: (error) => showFailure(form, error),
  });
  const save = useMutation({
    mutationFn: (retentionYears: number | null) =>
      mutate(SetRetentionPeriod, (data) => data.setRetentionPeriod, { input: { retentionYears } }),
    onSuccess: ({ privacySettings }) => {
      queryClient.setQueryData(privacyKeys.settings, privacySettings);
      void queryClient.invalidateQueries({ queryKey: ["privacy", "report"] });
      form.reset(valuesOf(privacySettings));
      setPreview(null);
      setSaved({ retentionYears: privacySettings.retentionYears });
    },
  });
  const keep = form.watch("keep");
  const typed = form.watch("retentionYears");
  const suggested = String(settings.defaultRetentionYears);
  // A preview is of one period: shown while the form still says that period.
  const chosen = keep === "FOREVER" ? null : typed.trim() === "" ? Number.NaN : Number(typed.trim());
  const shownPreview = preview && Object.is(preview.retentionYears, chosen) ? preview : null;
  return (
    <>
      <CurrentPeriod settings={settings} />
      <p
        ref={savedStatus}
        tabIndex={-1}
        role="status"
        className={saved ? "alert alert--ok" : "visually-hidden"}
      >
        {saved
          ? saved.retentionYears === null
            ? t("privacy.retention.savedNever")
            : t("privacy.retention.saved", { years: saved.retentionYears })
          : null}
      </p>
      <form
        className="retention__form"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          save.reset();
          previewing.mutate(values.retentionYears);
        })}
      >
        <h3>{t("privacy.retention.change")}</h3>
        <FormAlert form={form} />
        <FieldSet legend={t("privacy.retention.keep")}>
          <label className="check-row">
            <input type="radio" value="YEARS" {...form.register("keep")} />
            {t("privacy.retention.keepYears")}
          </label>
          <label className="check-row">
            <input type="radio" value="FOREVER" {...form.register("keep")} />
            {t("privacy.retention.keepForever")}
          </label>
        </FieldSet>
        {keep === "YEARS" ? (
          <div className="retention__years">
            <TextField
              label={t("privacy.retention.years")}
              hint={t("privacy.retention.yearsHint", {
                min: settings.minRetentionYears,
                max: settings.maxRetentionYears,
                suggested: settings.defaultRetentionYears,
              })}
              type="number"
              inputMode="numeric"
              min={settings.minRetentionYears}
              max={settings.maxRetentionYears}
              step={1}
              autoComplete="off"
              {...field("retentionYears")}
            />
            {typed.trim() === suggested ? null : (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => form.setValue("retentionYears", suggested, { shouldDirty: true })}
              >
                {t("privacy.retention.useSuggested", { years: settings.defaultRetentionYears })}
              </button>
            )}
          </div>
        ) : (
          <p className="alert alert--warn">{t("privacy.retention.neverConsequence")}</p>
        )}
        {shownPreview ? null : (
          <button
            ref={previewButton}
            type="submit"
            className="button button--primary"
            disabled={previewing.isPending}
          >
            {previewing.isPending ? t("privacy.preview.loading") : t("privacy.retention.preview")}
          </button>
        )}
      </form>
      {shownPreview ? (
        <PreviewPanel
          preview={shownPreview}
          current={settings.retentionYears}
          pending={save.isPending}
          error={save.error}
          onConfirm={() => save.mutate(shownPreview.retentionYears)}
          onCancel={() => {
            setPreview(null);
            save.reset();
            setBackToForm((count) => count + 1);
          }}
        />
      ) : null}
    </>
  );
}

export function RetentionCard() {
  const { t } = useT();
  const headingId = useId();
  const settings = useQuery({
    queryKey: privacyKeys.settings,
    queryFn: async () => (await request(PrivacySettingsQuery)).privacySettings,
  });
  return (
    <article className="card privacy__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("privacy.retention.title")}</h2>
      <p className="small">{t("privacy.retention.intro")}</p>
      <p className="small muted">{t("privacy.retention.activity")}</p>
      <Loaded query={settings}>{(data) => <RetentionSettings settings={data} />}</Loaded>
    </article>
  );
}
