import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import {
  addAbsenceMutation,
  availabilityQuery,
  removeAbsenceMutation,
  rotateFeedMutation,
  setWeeklyMutation,
  visitKeys,
} from "./visits.graphql.ts";

interface Slot {
  /** Client-side identity of a row being edited (not sent). */
  key?: string;
  weekday: number;
  start: string;
  end: string;
}
interface Availability {
  weekly: Slot[];
  exceptions: { id: string; startsAt: string; endsAt: string; reason: string | null }[];
}

export function AvailabilityPage() {
  const { t, formatDateTime } = useT();
  const queryClient = useQueryClient();
  const id = useId();
  const weeklyForm = useFormFailure();
  const absenceForm = useFormFailure();
  const [slots, setSlots] = useState<Slot[]>([]);
  const [saved, setSaved] = useState(false);
  const [absence, setAbsence] = useState({ startsAt: "", endsAt: "", reason: "" });
  const [feed, setFeed] = useState<string | null>(null);
  const availability = useQuery({
    queryKey: visitKeys.availability,
    queryFn: async () => (await graphql<{ myAvailability: Availability }>(availabilityQuery)).myAvailability,
  });
  useEffect(() => {
    if (availability.data)
      setSlots(availability.data.weekly.map((slot) => ({ ...slot, key: crypto.randomUUID() })));
  }, [availability.data]);
  const saveWeekly = useMutation({
    mutationFn: () =>
      graphql<{ setWeeklyAvailability: { __typename: string } & Partial<AppErrorResult> }>(
        setWeeklyMutation,
        { slots: slots.map(({ weekday, start, end }) => ({ weekday, start, end })) },
      ),
    onSuccess: ({ setWeeklyAvailability }) => {
      if (setWeeklyAvailability.__typename === "SetWeeklyAvailabilitySuccess") {
        weeklyForm.setFailure(null);
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: visitKeys.availability });
      } else weeklyForm.fromResult(setWeeklyAvailability as AppErrorResult);
    },
    onError: weeklyForm.fromError,
  });
  const addAbsence = useMutation({
    mutationFn: () =>
      graphql<{ addAbsence: { __typename: string } & Partial<AppErrorResult> }>(addAbsenceMutation, {
        input: {
          startsAt: absence.startsAt ? new Date(absence.startsAt).toISOString() : null,
          endsAt: absence.endsAt ? new Date(absence.endsAt).toISOString() : null,
          reason: absence.reason || null,
        },
      }),
    onSuccess: ({ addAbsence: result }) => {
      if (result.__typename === "AddAbsenceSuccess") {
        absenceForm.setFailure(null);
        setAbsence({ startsAt: "", endsAt: "", reason: "" });
        void queryClient.invalidateQueries({ queryKey: visitKeys.availability });
      } else absenceForm.fromResult(result as AppErrorResult);
    },
    onError: absenceForm.fromError,
  });
  const removeAbsence = useMutation({
    mutationFn: (absenceId: string) => graphql(removeAbsenceMutation, { id: absenceId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitKeys.availability }),
  });
  const rotate = useMutation({
    mutationFn: () => graphql<{ rotateCalendarFeed: { path: string } }>(rotateFeedMutation),
    onSuccess: ({ rotateCalendarFeed }) => setFeed(`${location.origin}${rotateCalendarFeed.path}`),
  });
  const update = (index: number, patch: Partial<Slot>) =>
    setSlots((list) => list.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)));
  return (
    <section className="page">
      <h1>{t("availability.title")}</h1>
      <form
        className="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          saveWeekly.mutate();
        }}
      >
        <h2>{t("availability.weekly")}</h2>
        {weeklyForm.summary()}
        {saved ? (
          <p role="status" className="alert alert--ok">
            {t("availability.saved")}
          </p>
        ) : null}
        <ul className="card-list">
          {slots.map((slot, index) => (
            <li key={slot.key} className="row">
              <label className="visually-hidden" htmlFor={`${id}-${index}-day`}>
                {t("availability.weekday")}
              </label>
              <select
                id={`${id}-${index}-day`}
                style={{ width: "auto" }}
                value={slot.weekday}
                onChange={(e) => update(index, { weekday: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <option key={day} value={day}>
                    {t(`weekday.${day}` as MessageKey)}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-${index}-from`}>{t("availability.from")}</label>
              <input
                id={`${id}-${index}-from`}
                type="time"
                style={{ width: "auto" }}
                value={slot.start}
                onChange={(e) => update(index, { start: e.target.value })}
              />
              <label htmlFor={`${id}-${index}-to`}>{t("availability.to")}</label>
              <input
                id={`${id}-${index}-to`}
                type="time"
                style={{ width: "auto" }}
                value={slot.end}
                onChange={(e) => update(index, { end: e.target.value })}
              />
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setSlots((list) => list.filter((_, i) => i !== index))}
              >
                {t("availability.removeSlot")}
              </button>
              {weeklyForm.fieldError(`slots.${index}.end`)}
            </li>
          ))}
        </ul>
        <div className="row">
          <button
            type="button"
            className="button"
            onClick={() =>
              setSlots((list) => [
                ...list,
                { key: crypto.randomUUID(), weekday: 2, start: "13:00", end: "17:00" },
              ])
            }
          >
            {t("availability.addSlot")}
          </button>
          <button type="submit" className="button button--primary" disabled={saveWeekly.isPending}>
            {t("availability.save")}
          </button>
        </div>
      </form>
      <form
        className="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          addAbsence.mutate();
        }}
      >
        <h2>{t("availability.absences")}</h2>
        {absenceForm.summary()}
        <ul>
          {availability.data?.exceptions.map((ex) => (
            <li key={ex.id}>
              {formatDateTime(ex.startsAt)} – {formatDateTime(ex.endsAt)} {ex.reason ? `(${ex.reason})` : ""}{" "}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => removeAbsence.mutate(ex.id)}
              >
                {t("availability.removeAbsence")}
              </button>
            </li>
          ))}
        </ul>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-abs-start`}>{t("visits.start")}</label>
            <input
              id={`${id}-abs-start`}
              type="datetime-local"
              value={absence.startsAt}
              onChange={(e) => setAbsence((a) => ({ ...a, startsAt: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-abs-end`}>{t("visits.end")}</label>
            <input
              id={`${id}-abs-end`}
              type="datetime-local"
              value={absence.endsAt}
              onChange={(e) => setAbsence((a) => ({ ...a, endsAt: e.target.value }))}
              {...absenceForm.fieldProps("endsAt")}
            />
            {absenceForm.fieldError("endsAt")}
          </div>
        </div>
        <button type="submit" className="button" disabled={addAbsence.isPending}>
          {t("availability.addAbsence")}
        </button>
      </form>
      <section className="card" aria-labelledby={`${id}-feed`}>
        <h2 id={`${id}-feed`}>{t("availability.feed")}</h2>
        <p className="small muted">{t("availability.feedIntro")}</p>
        <button type="button" className="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          {t("availability.feedCreate")}
        </button>
        {feed ? (
          <div className="field" style={{ marginTop: "0.75rem" }}>
            <label htmlFor={`${id}-feed-url`}>{t("availability.feedUrl")}</label>
            <input id={`${id}-feed-url`} readOnly value={feed} onFocus={(e) => e.target.select()} />
          </div>
        ) : null}
      </section>
    </section>
  );
}
