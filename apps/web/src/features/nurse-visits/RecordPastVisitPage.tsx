import { recordPastNurseVisitInput, submitPastNurseVisitInput, withFieldCode } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ComponentProps, useMemo } from "react";
import { useController } from "react-hook-form";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { navigate } from "../../app/router.tsx";
import type { PlaceType } from "../../generated/enums.ts";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { type ChipsController, EnumChoiceChips } from "../../ui/EnumChipsField.tsx";
import { NotFoundPage } from "../../ui/NotFoundPage.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { searchPersons } from "../encounters/last-encounter.ts";
import { pickedPerson } from "../encounters/PersonPicker.tsx";
import {
  type JointVisitColleague,
  JointVisitNursesQuery,
  JointVisitPersonsQuery,
  JointVisitWorkersQuery,
  RecordPastNurseVisit,
  SubmitPastNurseVisit,
  visitKeys,
} from "./nurse-visits.graphql.ts";
import { PersonsField } from "./PersonsField.tsx";
import { TimeRangeFields } from "./TimeRangeFields.tsx";
import { ActsAndNotes, actCounts, noActs, personNotes } from "./VisitActs.tsx";
import { zonedInstant, zonedLocal } from "./week.ts";
import "./visits.css";

const minuteMs = 60_000;

/** The persons chosen: at least one, as many as a visit names. */
const chosenPersons = z
  .array(pickedPerson)
  .max(6)
  .refine((persons) => persons.length > 0, withFieldCode("REQUIRED"));

/** A `datetime-local` box in the programme's time zone, read for the API's `schema`. */
const localTime = (timeZone: string, schema: z.ZodType<Date, Date>) =>
  z
    .string()
    .transform((text): Date | undefined => zonedInstant(text, timeZone))
    .pipe(schema);

/** Earlier today by default: an hour ending half an hour or more ago, on the half hour. */
function earlierToday(timeZone: string): { start: string; end: string } {
  const start = new Date(Math.floor((Date.now() - 90 * minuteMs) / (30 * minuteMs)) * 30 * minuteMs);
  return {
    start: zonedLocal(start, timeZone),
    end: zonedLocal(new Date(start.getTime() + 60 * minuteMs), timeZone),
  };
}

const factFields = ["placeType", "start", "end", "reason", "meetingPlace"] as const;
type FactField = (typeof factFields)[number];

/** The API's paths as this page's fields (the colleague is one select, persons one list). */
function pastVisitFieldOf(path: string): "colleague" | "persons" | FactField | null {
  if (path === "workerId" || path === "workerOrganisationId" || path === "nurseId") return "colleague";
  if (path.startsWith("personIds")) return "persons";
  return (factFields as readonly string[]).includes(path) ? (path as FactField) : null;
}

const colleagueLabel = (colleague: JointVisitColleague) =>
  `${colleague.displayName} — ${colleague.organisation.name}`;

/**
 * `/visites/deja-faite`: a joint visit that already happened, recorded without booking it. The
 * visit's nurse records it with her acts (completed at once); the worker records it for the
 * nurse, who confirms it with her acts or declines it.
 */
export function RecordPastVisitPage() {
  const me = useViewer();
  if (mayWrite(me, "CLINICAL_NOTE")) return <NursePastVisitForm />;
  if (mayWrite(me, "NURSE_VISIT")) return <WorkerPastVisitForm />;
  return <NotFoundPage />;
}

function useSavedVisit() {
  const queryClient = useQueryClient();
  return (visit: { id: string }) => {
    void queryClient.invalidateQueries({ queryKey: visitKeys.all });
    navigate(`/visites/${encodeURIComponent(visit.id)}?deja-faite=ok`);
  };
}

/** A box's registration and error, as `fieldBinder(form)(name)` gives it. */
type Bound = ComponentProps<"input"> & ComponentProps<"textarea"> & { error?: unknown };

/** Place, times and the two free texts: the same for the nurse and the worker. */
function VisitFacts({
  place,
  start,
  end,
  reason,
  meetingPlace,
}: {
  place: ChipsController<PlaceType>;
  start: Bound;
  end: Bound;
  reason: Bound;
  meetingPlace: Bound;
}) {
  const { t } = useT();
  return (
    <>
      <EnumChoiceChips vocabulary="PlaceType" legend={t("visits.place")} controller={place} />
      <TimeRangeFields start={start} end={end} />
      <TextField
        label={t("visits.reason")}
        hint={t("visits.reasonHint")}
        optional
        {...(reason as ComponentProps<"input">)}
        error={reason.error}
        column="NurseVisitReason.body"
        autoComplete="off"
      />
      <TextAreaField
        label={t("visits.past.meetingPlace")}
        hint={t("visits.reasonHint")}
        optional
        rows={2}
        {...(meetingPlace as ComponentProps<"textarea">)}
        error={meetingPlace.error}
        column="NurseVisitMeetingPlace.body"
      />
    </>
  );
}

// ── the nurse's: completed at once, with her acts ──

const nurseFormIn = (timeZone: string) =>
  z.object({
    /** `<organisation id>|<user id>` of the worker who came. */
    colleague: z.string().min(1),
    persons: chosenPersons,
    placeType: recordPastNurseVisitInput.shape.placeType,
    start: localTime(timeZone, recordPastNurseVisitInput.shape.start),
    end: localTime(timeZone, recordPastNurseVisitInput.shape.end),
    reason: recordPastNurseVisitInput.shape.reason,
    meetingPlace: recordPastNurseVisitInput.shape.meetingPlace,
    acts: actCounts(),
    notes: personNotes(),
  });

function NursePastVisitForm() {
  const { t, timeZone } = useT();
  const schema = useMemo(() => nurseFormIn(timeZone), [timeZone]);
  const form = useDomainForm(schema, {
    defaultValues: {
      colleague: "",
      persons: [],
      placeType: "WORKPLACE",
      ...earlierToday(timeZone),
      reason: "",
      meetingPlace: "",
      acts: noActs(),
      notes: [],
    },
  });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const persons = useController({ control: form.control, name: "persons" });
  const acts = useController({ control: form.control, name: "acts" });
  const place = useController({ control: form.control, name: "placeType" });
  const workers = useQuery({
    queryKey: visitKeys.workers,
    queryFn: async () => (await request(JointVisitWorkersQuery)).jointVisitWorkers,
  });
  const colleague = form.watch("colleague");
  const workerOrganisationId = colleague.split("|")[0] ?? "";
  const chosen = persons.field.value;
  const saved = useSavedVisit();
  const record = useMutation({
    mutationFn: (values: z.output<typeof schema>) => {
      const [organisationId = "", workerId = ""] = values.colleague.split("|");
      return mutate(RecordPastNurseVisit, (data) => data.recordPastNurseVisit, {
        input: {
          workerId,
          workerOrganisationId: organisationId,
          personIds: values.persons.map((person) => person.id),
          placeType: values.placeType,
          start: values.start.toISOString(),
          end: values.end.toISOString(),
          reason: values.reason || null,
          meetingPlace: values.meetingPlace || null,
          acts: values.acts,
          notes: values.notes ?? [],
        },
      });
    },
    onSuccess: ({ visit }) => saved(visit),
  });
  const submit = form.handleSubmit((values) =>
    record.mutate(values, {
      onError: (error) =>
        showFailure(form, error, (path) => {
          const note = /^notes\.(\d+)\.(body|results)$/.exec(path);
          if (!note) return path === "acts" ? "acts" : pastVisitFieldOf(path);
          const sent = values.notes?.[Number(note[1])];
          const index = values.persons.findIndex((person) => person.id === sent?.personId);
          return index < 0 ? null : `notes.${index}.${note[2] === "body" ? "body" : "results"}`;
        }),
    }),
  );
  // One note per person chosen, in the same order: a person added gets an empty one.
  const setPersons = (next: typeof chosen) => {
    const notes = form.getValues("notes") ?? [];
    form.setValue(
      "notes",
      next.map(
        (person) =>
          notes.find((note) => note.personId === person.id) ?? { personId: person.id, body: "", results: "" },
      ),
    );
    persons.field.onChange(next);
  };
  if (workers.isError) return <QueryFailure error={workers.error} onRetry={() => void workers.refetch()} />;
  return (
    <section className="page past-visit">
      <h1>{t("visits.past.title")}</h1>
      <p className="muted">{t("visits.past.nurseIntro")}</p>
      <form onSubmit={submit} noValidate>
        <FormAlert form={form} />
        <SelectField
          label={t("visits.past.worker")}
          placeholder={t("visits.past.choose")}
          choices={(workers.data ?? []).map((worker) => ({
            value: `${worker.organisation.id}|${worker.id}`,
            label: colleagueLabel(worker),
          }))}
          {...field("colleague", {
            // Persons are the worker's organisation's: another organisation starts a new list.
            onChange: () => setPersons([]),
          })}
        />
        <PersonsField
          legend={t("visits.past.persons")}
          chosen={chosen}
          onChange={setPersons}
          inputRef={persons.field.ref}
          error={errors.persons}
          hint={workerOrganisationId ? t("visits.past.sharedOnly") : t("visits.past.workerFirst")}
          waiting={!workerOrganisationId}
          searchKey={(term) => visitKeys.sharedPersons(workerOrganisationId, term)}
          search={async (term) =>
            (await request(JointVisitPersonsQuery, { workerOrganisationId, search: term })).jointVisitPersons
          }
        />
        <VisitFacts
          place={place}
          start={field("start")}
          end={field("end")}
          reason={field("reason")}
          meetingPlace={field("meetingPlace")}
        />
        <ActsAndNotes
          acts={acts.field}
          actsError={errors.acts}
          persons={chosen}
          noteField={(index, part) => field(`notes.${index}.${part}`)}
        />
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {record.isPending ? t("visits.proposing") : t("visits.past.submitNurse")}
        </button>
      </form>
    </section>
  );
}

// ── the worker's: for the nurse to confirm ──

const workerFormIn = (timeZone: string) =>
  z.object({
    /** The nurse who came (her user id). */
    colleague: z.string().min(1),
    persons: chosenPersons,
    placeType: submitPastNurseVisitInput.shape.placeType,
    start: localTime(timeZone, submitPastNurseVisitInput.shape.start),
    end: localTime(timeZone, submitPastNurseVisitInput.shape.end),
    reason: submitPastNurseVisitInput.shape.reason,
    meetingPlace: submitPastNurseVisitInput.shape.meetingPlace,
  });

function WorkerPastVisitForm() {
  const { t, timeZone } = useT();
  const schema = useMemo(() => workerFormIn(timeZone), [timeZone]);
  const form = useDomainForm(schema, {
    defaultValues: {
      colleague: "",
      persons: [],
      placeType: "HOME",
      ...earlierToday(timeZone),
      reason: "",
      meetingPlace: "",
    },
  });
  const field = fieldBinder(form);
  const { errors } = form.formState;
  const persons = useController({ control: form.control, name: "persons" });
  const place = useController({ control: form.control, name: "placeType" });
  const nurses = useQuery({
    queryKey: visitKeys.nurses,
    queryFn: async () => (await request(JointVisitNursesQuery)).jointVisitNurses,
  });
  const saved = useSavedVisit();
  const submitVisit = useMutation({
    mutationFn: (values: z.output<typeof schema>) =>
      mutate(SubmitPastNurseVisit, (data) => data.submitPastNurseVisit, {
        input: {
          nurseId: values.colleague,
          personIds: values.persons.map((person) => person.id),
          placeType: values.placeType,
          start: values.start.toISOString(),
          end: values.end.toISOString(),
          reason: values.reason || null,
          meetingPlace: values.meetingPlace || null,
        },
      }),
    onSuccess: ({ visit }) => saved(visit),
  });
  const submit = form.handleSubmit((values) =>
    submitVisit.mutate(values, { onError: (error) => showFailure(form, error, pastVisitFieldOf) }),
  );
  if (nurses.isError) return <QueryFailure error={nurses.error} onRetry={() => void nurses.refetch()} />;
  return (
    <section className="page past-visit">
      <h1>{t("visits.past.title")}</h1>
      <p className="alert alert--warn" id="past-visit-confirmation">
        {t("visits.past.workerIntro")}
      </p>
      <form onSubmit={submit} noValidate aria-describedby="past-visit-confirmation">
        <FormAlert form={form} />
        <SelectField
          label={t("visits.past.nurse")}
          placeholder={t("visits.past.choose")}
          choices={(nurses.data ?? []).map((nurse) => ({ value: nurse.id, label: colleagueLabel(nurse) }))}
          {...field("colleague")}
        />
        <PersonsField
          legend={t("visits.past.persons")}
          chosen={persons.field.value}
          onChange={persons.field.onChange}
          inputRef={persons.field.ref}
          error={errors.persons}
          searchKey={(term) => ["visits", "ownPersons", term]}
          search={searchPersons}
        />
        <p className="small muted">{t("visits.consentNeeded")}</p>
        <VisitFacts
          place={place}
          start={field("start")}
          end={field("end")}
          reason={field("reason")}
          meetingPlace={field("meetingPlace")}
        />
        <button type="submit" className="button button--primary" disabled={submitVisit.isPending}>
          {submitVisit.isPending ? t("visits.proposing") : t("visits.past.submitWorker")}
        </button>
      </form>
    </section>
  );
}
