/**
 * /reglages: a coordinator sets the programme settings of her organisation (what its members'
 * days, slots, dates and indicators follow) and of its partnerships (the committee's figures):
 * time zone, the fiscal year's first month, how dates and numbers are written, and the rule of the
 * indicators' "regular follow-up" (met at least N times in the period). The screen's
 * language stays each person's. Each form is checked by the API's own input schema.
 */
import { type ProgrammeSettings, programmeLocales } from "@maillage/domain";
import { followUpMinEncounters } from "@maillage/domain/indicators";
import { updateOrganisationSettingsInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ComponentProps, type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { formattingLocale, localeOf } from "../../app/i18n/language.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { Field } from "../../ui/Field.tsx";
import { Loaded } from "../../ui/Loaded.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { type Me, meQueryKey, useViewer } from "../auth/session.ts";
import { homeKeys } from "../home/home.graphql.ts";
import {
  OrganisationFollowUpQuery,
  type PartnershipSettings,
  PartnershipSettingsQuery,
  programmeSettingsKeys,
  UpdateOrganisationSettings,
  UpdatePartnershipSettings,
} from "./programme-settings.graphql.ts";
import { StartDateCard } from "./StartDateCard.tsx";
import "./programme-settings.css";

type Settings = Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth" | "locale"> & {
  /** The indicators' follow-up rule: met at least this many times in the period. */
  followUpMinEncounters: number;
};

/** The API's own input; the follow-up rule is always sent from this page (absent: unchanged). */
const settingsForm = updateOrganisationSettingsInput.required({ followUpMinEncounters: true });

/** Offered first: where Maillage's programmes run (Québec and Canada, Belgium and its neighbours). */
const commonTimeZones = [
  "America/Toronto",
  "America/Halifax",
  "America/Winnipeg",
  "America/Edmonton",
  "America/Vancouver",
  "Europe/Brussels",
  "Europe/Paris",
  "Europe/Zurich",
  "Europe/London",
];

/** Every zone this browser knows (the API accepts the same IANA names), the current one included. */
function timeZoneChoices(current: string): { common: string[]; others: string[] } {
  let all: string[];
  try {
    all = Intl.supportedValuesOf("timeZone");
  } catch {
    all = [];
  }
  const known = new Set([...all, ...commonTimeZones, current]);
  const common = commonTimeZones.filter((zone) => known.has(zone));
  const others = [...known].filter((zone) => !common.includes(zone)).sort();
  return { common, others };
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.timeZone === b.timeZone &&
    a.fiscalYearStartMonth === b.fiscalYearStartMonth &&
    a.locale === b.locale &&
    a.followUpMinEncounters === b.followUpMinEncounters
  );
}

function TimeZoneField({
  error,
  ...select
}: { error?: unknown; current: string } & ComponentProps<"select">) {
  const { t } = useT();
  const { current, ...control } = select;
  const { common, others } = useMemo(() => timeZoneChoices(current), [current]);
  return (
    <Field label={t("settings.timeZone")} hint={t("settings.timeZone.hint")} error={error}>
      {(field) => (
        <select {...field} {...control}>
          <optgroup label={t("settings.timeZone.suggested")}>
            {common.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("settings.timeZone.all")}>
            {others.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </Field>
  );
}

/** Today's date and a number as the chosen settings would write them, in the person's language. */
function Preview({ settings }: { settings: Settings }) {
  const { t, language } = useT();
  let date: string;
  let number: string;
  try {
    const locale = formattingLocale(language, settings.locale);
    date = new Intl.DateTimeFormat(locale, {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: settings.timeZone,
    }).format(new Date());
    number = new Intl.NumberFormat(locale).format(1234.5);
  } catch {
    return null;
  }
  return <p className="small muted programme-settings__preview">{t("settings.preview", { date, number })}</p>;
}

/**
 * One form of settings, saved by `save`. `loaded` (a new object each time) puts other values in
 * the form without saving them (a partnership's, copied), and `loadedText` says so until saved.
 */
function SettingsForm({
  settings,
  saveLabel,
  savedText,
  save,
  loaded,
  loadedText,
}: {
  settings: Settings;
  saveLabel: string;
  savedText: string;
  save(values: Settings): Promise<Settings>;
  loaded?: Settings | null;
  loadedText?: string;
}) {
  const { t, language, formatDateTime } = useT();
  const form = useDomainForm(settingsForm, { defaultValues: settings });
  const field = fieldBinder(form);
  const outcome = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState(false);
  const submit = useMutation({
    mutationFn: save,
    onSuccess: (values) => {
      form.reset(values);
      setSaved(true);
    },
    onError: (error) => {
      setSaved(false);
      showFailure(form, error);
    },
  });
  // The outcome takes the focus once it is drawn, so a screen reader says it.
  useEffect(() => {
    if (saved) outcome.current?.focus();
  }, [saved]);
  useEffect(() => {
    if (!loaded) return;
    form.reset(loaded, { keepDefaultValues: true });
    setSaved(false);
    form.setFocus("timeZone");
  }, [loaded, form]);
  const months = Array.from({ length: 12 }, (_, index) => ({
    value: index + 1,
    label: t("settings.month", {
      month: formatDateTime(new Date(Date.UTC(2026, index, 15)), {
        dateStyle: undefined,
        timeStyle: undefined,
        month: "long",
        timeZone: "UTC",
      }),
    }),
  }));
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([localeOf[language]], { type: "language" });
    } catch {
      return null;
    }
  }, [language]);
  const locales = programmeLocales.map((tag) => {
    const name = names?.of(tag) ?? tag;
    return {
      value: tag,
      label: `${name.charAt(0).toLocaleUpperCase(localeOf[language])}${name.slice(1)} — ${tag}`,
    };
  });
  const values = form.watch();
  const showSaved = saved && !form.formState.isDirty;
  return (
    <form
      className="programme-settings__form"
      noValidate
      onSubmit={form.handleSubmit((next) => {
        setSaved(false);
        submit.mutate(next);
      })}
    >
      <FormAlert form={form} />
      {loaded && loadedText && form.formState.isDirty ? (
        <p role="status" className="alert alert--warn">
          {loadedText}
        </p>
      ) : null}
      <SettingsFields>
        <TimeZoneField current={settings.timeZone} {...field("timeZone")} />
        <SelectField
          label={t("settings.fiscalYearStartMonth")}
          hint={t("settings.fiscalYearStartMonth.hint")}
          choices={months}
          {...field("fiscalYearStartMonth", { valueAsNumber: true })}
        />
        <SelectField
          label={t("settings.locale")}
          hint={t("settings.locale.hint")}
          choices={locales}
          {...field("locale")}
        />
        {/* An emptied box is a missing value (refused as required), not "unchanged". */}
        <TextField
          type="number"
          inputMode="numeric"
          min={followUpMinEncounters.min}
          max={followUpMinEncounters.max}
          step={1}
          label={t("settings.followUp")}
          hint={t("settings.followUp.hint", {
            min: followUpMinEncounters.min,
            max: followUpMinEncounters.max,
          })}
          {...field("followUpMinEncounters", {
            setValueAs: (value: unknown) => (value === "" ? null : Number(value)),
          })}
        />
      </SettingsFields>
      <Preview settings={values} />
      <p
        ref={outcome}
        tabIndex={-1}
        role="status"
        className={showSaved ? "alert alert--ok" : "visually-hidden"}
      >
        {showSaved ? savedText : null}
      </p>
      <button type="submit" className="button button--primary button--block" disabled={submit.isPending}>
        {submit.isPending ? t("settings.saving") : saveLabel}
      </button>
    </form>
  );
}

/** The form's fields: one column on a phone, side by side on a wide screen. */
function SettingsFields({ children }: { children: ReactNode }) {
  return <div className="programme-settings__fields">{children}</div>;
}

function OrganisationSettings({ me, loaded }: { me: Me; loaded: Settings | null }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const followUp = useOrganisationFollowUp();
  return (
    <article className="card programme-settings__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("settings.organisation.title", { name: me.actingOrganisation?.name ?? "" })}</h2>
      <p className="small muted">{t("settings.organisation.hint")}</p>
      <Loaded query={followUp}>
        {(minEncounters) => (
          <SettingsForm
            settings={{ ...ownSettings(me), followUpMinEncounters: minEncounters }}
            loaded={loaded}
            saveLabel={t("settings.save.organisation")}
            savedText={t("settings.saved.organisation")}
            save={async (values) => {
              const { settings } = await mutate(
                UpdateOrganisationSettings,
                (data) => data.updateOrganisationSettings,
                { input: values },
              );
              // Every screen's dates follow at once; what was read in the old zone is read again.
              queryClient.setQueryData<Me | null>(meQueryKey, (current) =>
                current ? { ...current, programmeSettings: settings } : current,
              );
              void queryClient.invalidateQueries({
                predicate: (query) => query.queryKey[0] !== meQueryKey[0],
              });
              queryClient.setQueryData(
                programmeSettingsKeys.organisationFollowUp,
                settings.followUpMinEncounters,
              );
              return settings;
            }}
            loadedText={t("settings.copied")}
          />
        )}
      </Loaded>
    </article>
  );
}

/** The acting organisation's follow-up rule (one request, whoever asks on the page). */
function useOrganisationFollowUp() {
  return useQuery({
    queryKey: programmeSettingsKeys.organisationFollowUp,
    queryFn: async () =>
      (await request(OrganisationFollowUpQuery)).me?.programmeSettings.followUpMinEncounters ??
      followUpMinEncounters.default,
  });
}

/** The three settings every screen follows, as the session holds them. */
function ownSettings(me: Me): Omit<Settings, "followUpMinEncounters"> {
  const { timeZone, fiscalYearStartMonth, locale } = me.programmeSettings;
  return { timeZone, fiscalYearStartMonth, locale };
}

function PartnershipCard({
  partnership,
  own,
  onCopy,
}: {
  partnership: PartnershipSettings;
  own: Settings;
  onCopy(settings: Settings): void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const settings = partnership.programmeSettings;
  return (
    <article className="card programme-settings__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("settings.partnership.title", { name: partnership.name })}</h2>
      <p className="small muted">{t("settings.partnership.hint")}</p>
      {sameSettings(settings, own) ? null : (
        <div className="alert alert--warn programme-settings__differs">
          <p>{t("settings.differs")}</p>
          <button type="button" className="button" onClick={() => onCopy({ ...settings })}>
            {t("settings.copyToOrganisation")}
          </button>
        </div>
      )}
      <SettingsForm
        settings={settings}
        saveLabel={t("settings.save.partnership")}
        savedText={t("settings.saved.partnership")}
        save={async (values) => {
          const saved = await mutate(UpdatePartnershipSettings, (data) => data.updatePartnershipSettings, {
            input: { partnershipId: partnership.id, ...values },
          });
          queryClient.setQueryData<PartnershipSettings[]>(programmeSettingsKeys.partnerships, (list) =>
            list?.map((p) => (p.id === partnership.id ? { ...p, ...saved.partnership } : p)),
          );
          // The committee's figures and the lists that show this partnership's settings.
          // Every indicators query's key starts with "indicators" (indicators.graphql.ts).
          void queryClient.invalidateQueries({ queryKey: ["indicators"] });
          void queryClient.invalidateQueries({ queryKey: homeKeys.today });
          return saved.partnership.programmeSettings;
        }}
      />
    </article>
  );
}

export function ProgrammeSettingsPage() {
  const { t } = useT();
  const me = useViewer();
  const [copied, setCopied] = useState<Settings | null>(null);
  const followUp = useOrganisationFollowUp();
  const partnerships = useQuery({
    queryKey: programmeSettingsKeys.partnerships,
    queryFn: async () => (await request(PartnershipSettingsQuery)).myPartnerships,
  });
  return (
    <section className="page programme-settings">
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      <OrganisationSettings me={me} loaded={copied} />
      <StartDateCard />
      <Loaded
        query={partnerships}
        emptyWhen={(data) => data.length === 0}
        emptyText={t("settings.partnership.none")}
      >
        {(data) =>
          data.map((partnership) => (
            <PartnershipCard
              key={partnership.id}
              partnership={partnership}
              own={{
                ...ownSettings(me),
                followUpMinEncounters: followUp.data ?? followUpMinEncounters.default,
              }}
              onCopy={setCopied}
            />
          ))
        }
      </Loaded>
    </section>
  );
}
