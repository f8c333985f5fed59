import { closeAccompanimentInput, planAccompanimentInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { MutationFailure, mutate, request } from "../../app/graphql.ts";
import { enumOptions, type MessageKey, useT } from "../../app/i18n/index.tsx";
import type { AccompanimentClosingStatus } from "../../generated/enums.ts";
import { submitEntry } from "../../offline/field-queue.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { PersonPicker, requiredPerson } from "../encounters/PersonPicker.tsx";
import {
  accompanimentKeys,
  MyWeekQuery,
  PlanAccompaniment,
  type WeekAccompaniment,
} from "./accompaniments.graphql.ts";

const dayMs = 86_400_000;

/** The buttons that close a planned accompaniment, said as what happened. */
const closingActions: Record<AccompanimentClosingStatus, MessageKey> = {
  DONE: "accompaniments.done",
  CANCELLED: "accompaniments.cancelled",
  NO_SHOW: "accompaniments.noShow",
};

/** Monday 00:00 of the week holding `date`, on the device's clock (Toronto for our users). */
function mondayOf(date: Date): Date {
  const monday = new Date(date);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

/** The API's closing input without what the buttons say (the status): the outcome typed. */
const closeForm = z.object({ outcome: closeAccompanimentInput.shape.outcome });

function AccompanimentItem({ item }: { item: WeekAccompaniment }) {
  const { t, formatDateTime, enumLabel } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(closeForm, { defaultValues: { outcome: "" } });
  const field = fieldBinder(form);
  // Through the phone's queue (offline/field-queue.ts): with no signal the outcome waits there.
  const [queued, setQueued] = useState(false);
  const close = useMutation({
    networkMode: "always",
    mutationFn: async (input: z.output<typeof closeForm> & { status: AccompanimentClosingStatus }) => {
      const variables = { input: { id: item.id, status: input.status, outcome: input.outcome || null } };
      const submitted = await submitEntry("closeAccompaniment", variables, item.person?.alias ?? "—");
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      return submitted.state;
    },
    onSuccess: (state) => {
      setQueued(state === "queued");
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.weeks });
    },
    onError: (error) => showFailure(form, error),
  });
  const closeAs = (status: AccompanimentClosingStatus) =>
    form.handleSubmit((values) => close.mutate({ ...values, status }));
  return (
    <li className="card">
      <div className="row row--between">
        <strong>{item.person?.alias ?? "—"}</strong>
        <span className="badge">{enumLabel("AccompanimentStatus", item.status)}</span>
      </div>
      <p className="small" style={{ margin: "0.25rem 0" }}>
        {formatDateTime(item.plannedAt)} · {enumLabel("AccompanimentDestination", item.destination)}
        {item.partnerOrganisation ? ` · ${item.partnerOrganisation.name}` : ""}
      </p>
      {item.outcome ? <p className="small">{item.outcome}</p> : null}
      {queued ? (
        <p role="status" className="alert alert--warn">
          {t("accompaniments.queued")}
        </p>
      ) : item.status === "PLANNED" ? (
        // Enter in the outcome box closes it as done, the usual end of an accompaniment.
        <form onSubmit={closeAs("DONE")} noValidate>
          <FormAlert form={form} />
          <TextField
            label={t("accompaniments.outcome")}
            {...field("outcome")}
            column="AccompanimentOutcome.body"
          />
          <div className="row">
            {enumOptions("AccompanimentClosingStatus").map((status) =>
              status === "DONE" ? (
                <button
                  key={status}
                  type="submit"
                  className="button button--primary"
                  disabled={close.isPending}
                >
                  {t(closingActions[status])}
                </button>
              ) : (
                <button
                  key={status}
                  type="button"
                  className="button"
                  disabled={close.isPending}
                  onClick={closeAs(status)}
                >
                  {t(closingActions[status])}
                </button>
              ),
            )}
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** The API's planning input as the form holds it: a picked person, the time as typed. */
const planForm = z.object({
  person: requiredPerson,
  destination: planAccompanimentInput.shape.destination,
  plannedAt: z
    .string()
    .transform((local) => (local ? new Date(local) : undefined))
    .pipe(planAccompanimentInput.shape.plannedAt),
});

function planFieldOf(path: string) {
  if (path === "personId") return "person" as const;
  if (path === "destination" || path === "plannedAt") return path;
  return null;
}

function PlanForm() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(planForm, {
    defaultValues: { person: null, destination: "HOSPITAL_OR_CLINIC", plannedAt: "" },
  });
  const field = fieldBinder(form);
  const { isDirty } = form.formState;
  const person = useController({ control: form.control, name: "person" });
  const destination = useController({ control: form.control, name: "destination" });
  const plan = useMutation({
    mutationFn: (values: z.output<typeof planForm>) =>
      mutate(PlanAccompaniment, (data) => data.planAccompaniment, {
        input: {
          personId: values.person.id,
          destination: values.destination,
          plannedAt: values.plannedAt.toISOString(),
        },
      }),
    onSuccess: () => {
      // The next one is often for someone else, to the same kind of place at another time.
      form.reset({ ...form.getValues(), person: null });
      void queryClient.invalidateQueries({ queryKey: accompanimentKeys.weeks });
    },
    onError: (error) => showFailure(form, error, planFieldOf),
  });
  return (
    <form onSubmit={form.handleSubmit((values) => plan.mutate(values))} noValidate className="card">
      <h2>{t("accompaniments.plan")}</h2>
      <FormAlert form={form} />
      <SuccessStatus shown={plan.isSuccess && !isDirty}>{t("accompaniments.planned")}</SuccessStatus>
      <PersonPicker controller={person} />
      <EnumChoiceChips
        vocabulary="AccompanimentDestination"
        legend={t("accompaniments.destination")}
        controller={destination}
      />
      <TextField label={t("accompaniments.when")} type="datetime-local" {...field("plannedAt")} />
      <button type="submit" className="button button--primary" disabled={plan.isPending}>
        {t("accompaniments.plan")}
      </button>
    </form>
  );
}

/** The worker's accompaniments of a week, closed from the list, and a new one planned below. */
export function AccompanimentsPage() {
  const { t, formatDate } = useT();
  // The week shown: a state of the screen.
  const [monday, setMonday] = useState(() => mondayOf(new Date()));
  const from = monday.toISOString();
  const to = new Date(monday.getTime() + 7 * dayMs).toISOString();
  const week = useQuery({
    queryKey: accompanimentKeys.week(from),
    queryFn: async () => (await request(MyWeekQuery, { from, to })).myAccompaniments,
  });
  // A few hours past the next Monday, so that a day of 23 or 25 hours (daylight saving) is crossed.
  const shift = (weeks: number) =>
    setMonday((current) => mondayOf(new Date(current.getTime() + weeks * 7 * dayMs + 3 * 3_600_000)));
  return (
    <section className="page">
      <h1>{t("accompaniments.title")}</h1>
      <p>
        <strong aria-live="polite">{t("accompaniments.week", { date: formatDate(monday) })}</strong>
      </p>
      {/* Short words on the buttons, to fit a phone; their names say which week. */}
      <div className="row row--between">
        <button
          type="button"
          className="button"
          aria-label={t("accompaniments.previous")}
          onClick={() => shift(-1)}
        >
          ← {t("accompaniments.previousShort")}
        </button>
        <button
          type="button"
          className="button"
          aria-label={t("accompaniments.next")}
          onClick={() => shift(1)}
        >
          {t("accompaniments.nextShort")} →
        </button>
      </div>
      {week.isError ? <QueryFailure error={week.error} onRetry={() => void week.refetch()} /> : null}
      {week.data ? (
        <p className="muted" role="status">
          {week.data.length === 0
            ? t("accompaniments.none")
            : t("accompaniments.count", { count: week.data.length })}
        </p>
      ) : null}
      <ul className="card-list">
        {week.data?.map((item) => (
          <AccompanimentItem key={item.id} item={item} />
        ))}
      </ul>
      <PlanForm />
    </section>
  );
}
