import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useController } from "react-hook-form";
import { MutationFailure, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { keptCatalogue } from "../../offline/caseload-slice.ts";
import { fieldQueue, submitEntry } from "../../offline/field-queue.ts";
import { ChoiceChips } from "../../ui/ChipsField.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips, EnumToggleChips } from "../../ui/EnumChipsField.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { newDeliveryPath } from "../deliveries/deliveries.routes.ts";
import { type CatalogueChoice, choiceLabel } from "../encounters/catalogue-choices.ts";
import { isOffline } from "../encounters/last-encounter.ts";
import { PersonPicker } from "../encounters/PersonPicker.tsx";
import { personKeys } from "../persons/persons.graphql.ts";
import { LinePlatformsQuery, lineKeys } from "./line.graphql.ts";
import {
  type LineChannel,
  type LineFormOutput,
  lineChannels,
  lineEncounterInput,
  lineForm,
  namesPlatform,
  newLineValues,
  nextLineValues,
} from "./line-form.ts";
import "./line.css";
import { flushSync } from "react-dom";

/**
 * The platforms to name, from the API or, with no signal, from the catalogue kept in the vault
 * (offline/caseload-slice.ts). None known (an old slice, a locked vault): no platform chips, the
 * contact is still recorded.
 */
async function loadPlatforms(): Promise<CatalogueChoice[]> {
  try {
    return (await request(LinePlatformsQuery)).catalogue;
  } catch (error) {
    if (!isOffline(error)) throw error;
    return (await keptCatalogue((await fieldQueue()).vault)).platforms;
  }
}

/** What became of the last save: sent, or kept on the phone until there is signal. */
type Saved = { state: "sent" | "queued"; channel: LineChannel } | null;

function LineForm({ platforms }: { platforms: CatalogueChoice[] }) {
  const { t, enumLabel, language } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(lineForm, { defaultValues: newLineValues() });
  const field = fieldBinder(form);
  const { control } = form;
  const contact = useController({ control, name: "contact" });
  const person = useController({ control, name: "person" });
  const gender = useController({ control, name: "gender" });
  const age = useController({ control, name: "ageBracket" });
  const channel = useController({ control, name: "channel" });
  const platform = useController({ control, name: "platform" });
  const themes = useController({ control, name: "themes" });
  const [noteOpen, setNoteOpen] = useState(false);
  const [saved, setSaved] = useState<Saved>(null);
  // The contacts logged on this screen since it opened: the shift's count, said with each save.
  const [count, setCount] = useState(0);
  const outcome = useRef<HTMLParagraphElement>(null);
  const outcomeShown = saved !== null && !form.formState.isDirty;
  useEffect(() => {
    if (outcomeShown) outcome.current?.focus();
  }, [outcomeShown]);
  const save = useMutation({
    // Kept on the phone when there is no network: never held back waiting for one.
    networkMode: "always",
    mutationFn: async (values: LineFormOutput): Promise<Saved> => {
      const input = lineEncounterInput(values, new Date());
      const summary = values.person ? values.person.alias : t("line.anonymous");
      const submitted = await submitEntry("recordEncounter", { input }, summary);
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      return { state: submitted.state, channel: values.channel };
    },
    onSuccess: (state) => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      // Ready for the next call at once: the same channel and platform, everything else anew.
      form.reset(nextLineValues(form.getValues()));
      setNoteOpen(false);
      setCount((n) => n + 1);
      setSaved(state);
    },
    onError: (error) => {
      setSaved(null);
      showFailure(form, error);
    },
  });
  const anonymous = contact.field.value === "ANONYMOUS";
  const chosenChannel = channel.field.value;
  const platformCodes = platforms.map((choice) => choice.code);
  const platformName = (code: string) => {
    const choice = platforms.find((c) => c.code === code);
    return choice ? choiceLabel(choice, language) : code;
  };
  return (
    <form
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={t("line.formLabel")}
    >
      <ChoiceChips
        legend={t("line.channel")}
        options={lineChannels}
        label={(value) => enumLabel("Channel", value)}
        value={chosenChannel}
        onChange={(value: LineChannel) => {
          channel.field.onChange(value);
          if (!namesPlatform(value)) platform.field.onChange("");
        }}
        chipRef={channel.field.ref}
        error={channel.fieldState.error}
      />
      {namesPlatform(chosenChannel) && platformCodes.length > 0 ? (
        <ChoiceChips
          legend={t("line.platform")}
          hint={t("line.platformHint")}
          options={platformCodes}
          label={platformName}
          value={platform.field.value}
          onChange={(code: string) => platform.field.onChange(platform.field.value === code ? "" : code)}
          chipRef={platform.field.ref}
          error={platform.fieldState.error}
        />
      ) : null}
      <EnumToggleChips vocabulary="Theme" legend={t("line.themes")} controller={themes} />
      <fieldset>
        <legend>{t("line.who")}</legend>
        <div className="segmented line-entry__who">
          <button
            ref={contact.field.ref}
            type="button"
            aria-pressed={anonymous}
            onClick={() => contact.field.onChange("ANONYMOUS")}
          >
            {t("line.anonymous")}
          </button>
          <button
            type="button"
            aria-pressed={!anonymous}
            onClick={() => {
              // The search box is drawn now and focused before the next keystroke: the alias is typed
              // without another tap, and no letter typed quickly lands elsewhere.
              flushSync(() => contact.field.onChange("PERSON"));
              form.setFocus("person");
            }}
          >
            {t("line.knownPerson")}
          </button>
        </div>
      </fieldset>
      {anonymous ? (
        <>
          <EnumChoiceChips vocabulary="Gender" legend={t("line.gender")} controller={gender} />
          <EnumChoiceChips vocabulary="AgeBracket" legend={t("line.age")} controller={age} />
        </>
      ) : (
        <PersonPicker controller={person} />
      )}
      {noteOpen ? (
        <TextAreaField label={t("line.note")} {...field("note")} column="EncounterNote.body" />
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setNoteOpen(true)}>
          {t("line.addNote")}
        </button>
      )}
      <div className="line-entry__footer">
        <FormAlert form={form} />
        {outcomeShown && saved ? (
          <p
            ref={outcome}
            tabIndex={-1}
            role="status"
            className={saved.state === "sent" ? "alert alert--ok" : "alert alert--warn"}
          >
            {t(saved.state === "sent" ? "line.saved" : "line.queued", {
              channel: enumLabel("Channel", saved.channel),
              count,
            })}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
          {save.isPending ? t("line.saving") : t("line.submit")}
        </button>
      </div>
    </form>
  );
}

/**
 * Quick entry for a line shift (`/ligne`): a call, a text, a message on an ad site or a video call
 * logged in a few taps — the channel (and the platform) stays from one contact to the next, no
 * person is needed (anonymous, nothing said by default), the outcome is said at the button and
 * the form is ready for the next contact at once. Saved through the phone's queue like every
 * field entry (offline/field-queue.ts).
 */
export function LineEntryPage() {
  const { t } = useT();
  const platforms = useQuery({
    queryKey: lineKeys.platforms,
    // Answered by the phone when there is no network (TanStack Query would wait for one).
    networkMode: "always",
    retry: false,
    queryFn: loadPlatforms,
  });
  return (
    <section className="page line-entry">
      <h1>{t("line.title")}</h1>
      <p className="muted">{t("line.intro")}</p>
      <p>
        <Link to={newDeliveryPath} className="button line-entry__delivery">
          {t("line.newDelivery")}
        </Link>
      </p>
      {platforms.isError ? (
        <QueryFailure error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : platforms.data ? (
        <LineForm platforms={platforms.data} />
      ) : (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      )}
    </section>
  );
}
