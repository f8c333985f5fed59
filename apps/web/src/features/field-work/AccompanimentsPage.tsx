import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { ChipGroup } from "../../ui/Chips.tsx";
import { enumLabel } from "../../ui/enum-labels.ts";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { closeMutation, fieldWorkKeys, planMutation, weekQuery } from "./field-work.graphql.ts";
import { PersonPicker, type PickedPerson } from "./PersonPicker.tsx";
import "./field-work.css";

const destinations = [
  "COURT",
  "POLICE",
  "HOSPITAL_OR_CLINIC",
  "HOUSING",
  "SOCIAL_SERVICES",
  "DETOX_OR_TREATMENT",
  "EMPLOYMENT",
  "OTHER",
] as const;
const dayMs = 86_400_000;

interface Accompaniment {
  id: string;
  plannedAt: string;
  destination: string;
  status: string;
  outcome: string | null;
  person: { alias: string } | null;
  partnerOrganisation: { name: string } | null;
}

/** Monday 00:00 of the week holding `date`, on the device's clock (Toronto for our users). */
function mondayOf(date: Date): Date {
  const monday = new Date(date);
  monday.setHours(0, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

function AccompanimentItem({ item, weekKey }: { item: Accompaniment; weekKey: readonly unknown[] }) {
  const { t, formatDateTime, language } = useT();
  const queryClient = useQueryClient();
  const outcomeId = useId();
  const [outcome, setOutcome] = useState("");
  const close = useMutation({
    mutationFn: (status: string) =>
      graphql(closeMutation, { input: { id: item.id, status, outcome: outcome || null } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: weekKey }),
  });
  return (
    <li className="card">
      <div className="row row--between">
        <strong>{item.person?.alias ?? "—"}</strong>
        <span className="badge">{enumLabel(language, item.status)}</span>
      </div>
      <p className="small" style={{ margin: "0.25rem 0" }}>
        {formatDateTime(item.plannedAt)} · {enumLabel(language, item.destination)}
        {item.partnerOrganisation ? ` · ${item.partnerOrganisation.name}` : ""}
      </p>
      {item.outcome ? <p className="small">{item.outcome}</p> : null}
      {item.status === "PLANNED" ? (
        <>
          <div className="field">
            <label htmlFor={outcomeId}>{t("accompaniments.outcome")}</label>
            <input
              id={outcomeId}
              value={outcome}
              maxLength={1000}
              onChange={(e) => setOutcome(e.target.value)}
            />
          </div>
          <div className="row">
            <button
              type="button"
              className="button button--primary"
              disabled={close.isPending}
              onClick={() => close.mutate("DONE")}
            >
              {t("accompaniments.done")}
            </button>
            <button
              type="button"
              className="button"
              disabled={close.isPending}
              onClick={() => close.mutate("CANCELLED")}
            >
              {t("accompaniments.cancelled")}
            </button>
            <button
              type="button"
              className="button"
              disabled={close.isPending}
              onClick={() => close.mutate("NO_SHOW")}
            >
              {t("accompaniments.noShow")}
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}

function PlanForm({ onPlanned }: { onPlanned(): void }) {
  const { t, language } = useT();
  const form = useFormFailure();
  const whenId = useId();
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [destination, setDestination] = useState<string>("HOSPITAL_OR_CLINIC");
  const [when, setWhen] = useState("");
  const [done, setDone] = useState(false);
  const plan = useMutation({
    mutationFn: () =>
      graphql<{ planAccompaniment: { __typename: string } & Partial<AppErrorResult> }>(planMutation, {
        input: {
          personId: person?.id ?? "",
          destination,
          plannedAt: when ? new Date(when).toISOString() : "",
        },
      }),
    onSuccess: ({ planAccompaniment }) => {
      if (planAccompaniment.__typename !== "PlanAccompanimentSuccess") {
        form.fromResult(planAccompaniment as AppErrorResult);
        return;
      }
      form.setFailure(null);
      setDone(true);
      setPerson(null);
      onPlanned();
    },
    onError: form.fromError,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (!person || !when) {
      form.setFailure({
        code: "INPUT_VALIDATION",
        summary: t("errors.INPUT_VALIDATION"),
        fields: {
          ...(person ? {} : { personId: t("field.REQUIRED") }),
          ...(when ? {} : { plannedAt: t("field.REQUIRED") }),
        },
      });
      return;
    }
    plan.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t("accompaniments.plan")}</h2>
      {form.summary()}
      {done ? (
        <p role="status" className="alert alert--ok">
          {t("accompaniments.planned")}
        </p>
      ) : null}
      <PersonPicker value={person} onChange={setPerson} error={form.fieldError("personId")} />
      <ChipGroup
        legend={t("accompaniments.destination")}
        options={destinations}
        selected={[destination]}
        onToggle={setDestination}
        label={(v) => enumLabel(language, v)}
      />
      <div className="field">
        <label htmlFor={whenId}>{t("accompaniments.when")}</label>
        <input
          id={whenId}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          {...form.fieldProps("plannedAt")}
        />
        {form.fieldError("plannedAt")}
      </div>
      <button type="submit" className="button button--primary" disabled={plan.isPending}>
        {t("accompaniments.plan")}
      </button>
    </form>
  );
}

export function AccompanimentsPage() {
  const { t, formatDate } = useT();
  const queryClient = useQueryClient();
  const [monday, setMonday] = useState(() => mondayOf(new Date()));
  const from = monday.toISOString();
  const to = new Date(monday.getTime() + 7 * dayMs).toISOString();
  const weekKey = fieldWorkKeys.week(from);
  const week = useQuery({
    queryKey: weekKey,
    queryFn: async () =>
      (await graphql<{ myAccompaniments: Accompaniment[] }>(weekQuery, { from, to })).myAccompaniments,
  });
  const shift = (weeks: number) =>
    setMonday((current) => mondayOf(new Date(current.getTime() + weeks * 7 * dayMs + 3 * 3_600_000)));
  return (
    <section className="page">
      <h1>{t("accompaniments.title")}</h1>
      <div className="row row--between">
        <button type="button" className="button" onClick={() => shift(-1)}>
          ← {t("accompaniments.previous")}
        </button>
        <strong aria-live="polite">{t("accompaniments.week", { date: formatDate(monday) })}</strong>
        <button type="button" className="button" onClick={() => shift(1)}>
          {t("accompaniments.next")} →
        </button>
      </div>
      {week.data && week.data.length === 0 ? <p className="muted">{t("accompaniments.none")}</p> : null}
      <ul className="card-list">
        {week.data?.map((item) => (
          <AccompanimentItem key={item.id} item={item} weekKey={weekKey} />
        ))}
      </ul>
      <PlanForm onPlanned={() => void queryClient.invalidateQueries({ queryKey: ["field-work", "week"] })} />
    </section>
  );
}
