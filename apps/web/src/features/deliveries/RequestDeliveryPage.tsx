import { deliveryLimits } from "@maillage/domain";
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
import { EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { QuantityField } from "../../ui/QuantityField.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../auth/session.ts";
import { type CatalogueChoice, choiceLabel } from "../encounters/catalogue-choices.ts";
import { isOffline } from "../encounters/last-encounter.ts";
import { PersonPicker } from "../encounters/PersonPicker.tsx";
import { DeliveryFormQuery, deliveryKeys } from "./deliveries.graphql.ts";
import { deliveriesPath } from "./deliveries.routes.ts";
import {
  type DeliveryFormOutput,
  deliveryFieldOf,
  deliveryForm,
  deliveryInput,
  deliveryPlaceTypes,
  newDeliveryValues,
} from "./delivery-form.ts";
import "./deliveries.css";
import { flushSync } from "react-dom";

interface FormChoices {
  items: CatalogueChoice[];
  assignees: { userId: string; displayName: string }[];
}

/**
 * The items and the members who may bring them, from the API; with no signal, the items of the
 * catalogue kept in the vault and the viewer alone (she brings it, or reassigns it later online).
 */
async function loadChoices(me: { id: string; displayName: string }): Promise<FormChoices> {
  try {
    const data = await request(DeliveryFormQuery);
    return { items: data.catalogue, assignees: data.deliveryAssignees };
  } catch (error) {
    if (!isOffline(error)) throw error;
    return {
      items: (await keptCatalogue((await fieldQueue()).vault)).materials,
      assignees: [{ userId: me.id, displayName: me.displayName }],
    };
  }
}

type Saved = { state: "sent" | "queued"; summary: string; assignee: string } | null;

function RequestForm({ choices, me }: { choices: FormChoices; me: string }) {
  const { t, enumLabel, language } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(deliveryForm, { defaultValues: newDeliveryValues(me) });
  const field = fieldBinder(form);
  const { control } = form;
  const contact = useController({ control, name: "contact" });
  const person = useController({ control, name: "person" });
  const gender = useController({ control, name: "gender" });
  const age = useController({ control, name: "ageBracket" });
  const quantities = useController({ control, name: "quantities" });
  const placeType = useController({ control, name: "placeType" });
  const [saved, setSaved] = useState<Saved>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const outcomeShown = saved !== null && !form.formState.isDirty;
  useEffect(() => {
    if (outcomeShown) outcome.current?.focus();
  }, [outcomeShown]);
  const labelOf = (code: string) => {
    const choice = choices.items.find((c) => c.code === code);
    return choice ? choiceLabel(choice, language) : code;
  };
  const save = useMutation({
    networkMode: "always",
    mutationFn: async (values: DeliveryFormOutput): Promise<Saved> => {
      const input = deliveryInput(
        values,
        choices.items.map((c) => c.code),
      );
      const summary = input.items
        .map((entry) => t("deliveries.itemCount", { item: labelOf(entry.item), count: entry.quantity }))
        .join(", ");
      const who = values.person ? values.person.alias : t("deliveries.anonymous");
      const submitted = await submitEntry("requestMaterialDelivery", { input }, `${who} · ${summary}`);
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      const assignee =
        choices.assignees.find((a) => a.userId === values.assignedToId)?.displayName ?? t("deliveries.me");
      return { state: submitted.state, summary, assignee };
    },
    onSuccess: (state) => {
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
      form.reset(newDeliveryValues(me));
      setSaved(state);
    },
    onError: (error) => {
      setSaved(null);
      showFailure(form, error, deliveryFieldOf);
    },
  });
  const anonymous = contact.field.value === "ANONYMOUS";
  const counts = quantities.field.value;
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
      <FieldSet
        legend={t("deliveries.items")}
        hint={t("deliveries.itemsHint")}
        error={quantities.fieldState.error}
      >
        <ul className="steppers">
          {choices.items.map((choice, index) => {
            const name = choiceLabel(choice, language);
            return (
              <li key={choice.code}>
                <QuantityField
                  label={name}
                  value={counts[choice.code] ?? 0}
                  max={deliveryLimits.maxQuantity}
                  onChange={(quantity) => quantities.field.onChange({ ...counts, [choice.code]: quantity })}
                  decreaseLabel={t("deliveries.less", { item: name })}
                  increaseLabel={t("deliveries.more", { item: name })}
                  quickLabel={(count) => t("deliveries.quick", { item: name, count })}
                  inputRef={index === 0 ? quantities.field.ref : undefined}
                />
              </li>
            );
          })}
        </ul>
      </FieldSet>
      <FieldSet legend={t("deliveries.whenWhere")} hint={t("deliveries.privateHint")}>
        <TextField
          label={t("deliveries.timeWindow")}
          placeholder={t("deliveries.timeWindowExample")}
          column="MaterialDeliveryPlace.timeWindow"
          {...field("timeWindow")}
        />
        <TextField
          label={t("deliveries.place")}
          placeholder={t("deliveries.placeExample")}
          column="MaterialDeliveryPlace.place"
          {...field("place")}
        />
      </FieldSet>
      <fieldset>
        <legend>{t("deliveries.who")}</legend>
        <div className="segmented deliveries__who">
          <button
            ref={contact.field.ref}
            type="button"
            aria-pressed={anonymous}
            onClick={() => contact.field.onChange("ANONYMOUS")}
          >
            {t("deliveries.anonymous")}
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
            {t("deliveries.knownPerson")}
          </button>
        </div>
      </fieldset>
      {anonymous ? (
        <>
          <EnumChoiceChips vocabulary="Gender" legend={t("deliveries.gender")} controller={gender} />
          <EnumChoiceChips vocabulary="AgeBracket" legend={t("deliveries.age")} controller={age} />
        </>
      ) : (
        <PersonPicker controller={person} />
      )}
      <ChoiceChips
        legend={t("deliveries.placeType")}
        options={deliveryPlaceTypes}
        label={(value) => enumLabel("PlaceType", value)}
        value={placeType.field.value}
        onChange={placeType.field.onChange}
        chipRef={placeType.field.ref}
        error={placeType.fieldState.error}
      />
      <SelectField
        label={t("deliveries.assignee")}
        choices={choices.assignees.map((a) => ({
          value: a.userId,
          label:
            a.userId !== me
              ? a.displayName
              : a.displayName
                ? t("deliveries.meNamed", { name: a.displayName })
                : t("deliveries.me"),
        }))}
        {...field("assignedToId")}
      />
      <div className="deliveries__footer">
        <FormAlert form={form} />
        {outcomeShown && saved ? (
          <div
            ref={outcome}
            tabIndex={-1}
            role="status"
            className={saved.state === "sent" ? "alert alert--ok" : "alert alert--warn"}
          >
            <p>
              {t(saved.state === "sent" ? "deliveries.requested" : "deliveries.requestQueued", {
                items: saved.summary,
                name: saved.assignee,
              })}
            </p>
            <Link to={deliveriesPath}>{t("deliveries.seeList")}</Link>
          </div>
        ) : null}
        <button type="submit" className="button button--primary button--block" disabled={save.isPending}>
          {save.isPending ? t("deliveries.saving") : t("deliveries.submitRequest")}
        </button>
      </div>
    </form>
  );
}

/**
 * A delivery request logged from a phone (`/livraisons/nouvelle`): who asks (anonymous by
 * default), the items with quick quantities, a discreet window and place (the team's only),
 * who brings it (yourself by default). Sent through the phone's queue like every field entry.
 */
export function RequestDeliveryPage() {
  const { t } = useT();
  const viewer = useViewer();
  const me = { id: viewer.user.id, displayName: viewer.user.displayName };
  const choices = useQuery({
    queryKey: deliveryKeys.form,
    networkMode: "always",
    retry: false,
    queryFn: () => loadChoices(me),
  });
  return (
    <section className="page deliveries">
      <h1>{t("deliveries.newTitle")}</h1>
      <p className="muted">
        <Link to={deliveriesPath}>{t("deliveries.backToList")}</Link>
      </p>
      {choices.isError ? (
        <QueryFailure error={choices.error} onRetry={() => void choices.refetch()} />
      ) : choices.data ? (
        <RequestForm choices={choices.data} me={me.id} />
      ) : (
        <p role="status" className="muted">
          {t("app.loading")}
        </p>
      )}
    </section>
  );
}
