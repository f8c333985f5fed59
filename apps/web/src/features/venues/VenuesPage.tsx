import { createVenueInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { failureOf, mutate, request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { CheckboxInput } from "../../ui/CheckboxInput.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { FormAlert, fieldBinder, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { EnumSelectField } from "../../ui/EnumSelectField.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { SuccessStatus } from "../../ui/SuccessStatus.tsx";
import { TextAreaField } from "../../ui/TextAreaField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import {
  ArchiveVenue,
  CreateVenue,
  RestoreVenue,
  UpdateVenue,
  type VenueItem,
  VenuesQuery,
  venueKeys,
} from "./venues.graphql.ts";

/** The API's venue input, read from the form: the visit cadence typed as digits. */
const venueForm = createVenueInput.extend({
  visitCadenceDays: z
    .string()
    .trim()
    .transform((text): number | null | undefined => (text === "" ? null : Number(text)))
    .pipe(createVenueInput.shape.visitCadenceDays),
});
type VenueFormValues = z.input<typeof venueForm>;
type VenueFormOutput = z.output<typeof venueForm>;

const empty: VenueFormValues = {
  name: "",
  kind: "MASSAGE_PARLOUR",
  visitCadenceDays: "7",
  address: "",
  confidential: false,
  agreements: "",
};

function valuesOf(venue: VenueItem): VenueFormValues {
  return {
    name: venue.name,
    kind: venue.kind,
    visitCadenceDays: venue.visitCadenceDays ? String(venue.visitCadenceDays) : "",
    address: venue.address ?? "",
    confidential: venue.confidential,
    agreements: venue.agreements ?? "",
  };
}

/** The venue fields, for adding one or changing it. */
function VenueFields({
  form,
  withAgreements,
}: {
  form: ReturnType<typeof useDomainForm<typeof venueForm>>;
  withAgreements: boolean;
}) {
  const { t } = useT();
  const field = fieldBinder(form);
  return (
    <>
      <div className="grid-2">
        <TextField
          label={t("venues.name")}
          {...field("name")}
          required
          column="Venue.name"
          autoComplete="off"
        />
        <EnumSelectField vocabulary="VenueKind" label={t("venues.kind")} {...field("kind")} />
        <TextField
          label={t("venues.cadence")}
          optional
          {...field("visitCadenceDays")}
          inputMode="numeric"
          maxLength={3}
        />
        <TextField
          label={t("venues.address")}
          optional
          {...field("address")}
          column="Venue.address"
          autoComplete="off"
        />
      </div>
      {withAgreements ? (
        <TextAreaField
          label={t("venues.agreements")}
          optional
          {...field("agreements")}
          column="Venue.agreements"
        />
      ) : null}
      <CheckboxInput label={t("venues.isConfidential")} {...field("confidential")} />
    </>
  );
}

function AddVenue() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(venueForm, { defaultValues: empty });
  const { isDirty } = form.formState;
  const create = useMutation({
    mutationFn: (values: VenueFormOutput) =>
      mutate(CreateVenue, (data) => data.createVenue, {
        input: {
          name: values.name,
          kind: values.kind,
          visitCadenceDays: values.visitCadenceDays ?? null,
          address: values.address || null,
          confidential: values.confidential ?? false,
        },
      }),
    onSuccess: () => {
      // The next venue is another place: its name and address start empty.
      form.reset({ ...form.getValues(), name: "", address: "" });
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate className="card">
      <h2>{t("venues.add")}</h2>
      <FormAlert form={form} />
      <SuccessStatus shown={create.isSuccess && !isDirty}>{t("venues.created")}</SuccessStatus>
      <VenueFields form={form} withAgreements={false} />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t("venues.add")}
      </button>
    </form>
  );
}

/** The venue's own form, in its card: only the fields changed are the API's to change. */
function EditVenue({ venue, onDone }: { venue: VenueItem; onDone(saved: boolean): void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(venueForm, { defaultValues: valuesOf(venue) });
  const save = useMutation({
    mutationFn: (values: VenueFormOutput) =>
      mutate(UpdateVenue, (data) => data.updateVenue, {
        input: {
          id: venue.id,
          name: values.name,
          kind: values.kind,
          visitCadenceDays: values.visitCadenceDays ?? null,
          address: values.address ?? "",
          agreements: values.agreements ?? "",
          confidential: values.confidential ?? false,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: venueKeys.all });
      onDone(true);
    },
    onError: (error) => showFailure(form, error),
  });
  return (
    <form
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={t("venues.editTitle", { name: venue.name })}
    >
      <FormAlert form={form} />
      <VenueFields form={form} withAgreements />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t("venues.save")}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

type CardState = "shown" | "editing" | "confirmingArchive";

function VenueCard({
  venue,
  writable,
  onArchived,
}: {
  venue: VenueItem;
  writable: boolean;
  onArchived(venue: VenueItem): void;
}) {
  const { t, formatDate, enumLabel, failureMessage } = useT();
  const queryClient = useQueryClient();
  const [state, setState] = useState<CardState>("shown");
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Back where the user was once the form has closed: the button that opened it (focused after
  // the commit that shows it again, however late the browser paints).
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus || state !== "shown") return;
    editButton.current?.focus();
    setReturnFocus(false);
  }, [returnFocus, state]);
  const archive = useMutation({
    mutationFn: () => mutate(ArchiveVenue, (data) => data.archiveVenue, { input: { id: venue.id } }),
    onSuccess: async () => {
      onArchived(venue);
      await queryClient.invalidateQueries({ queryKey: venueKeys.all });
    },
  });
  const restore = useMutation({
    mutationFn: () => mutate(RestoreVenue, (data) => data.restoreVenue, { input: { id: venue.id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: venueKeys.all }),
  });
  const failed = archive.error ?? restore.error;
  return (
    <li className="card">
      <div className="row row--between">
        <h2 style={{ fontSize: "1.05rem", margin: 0 }}>{venue.name}</h2>
        {venue.overdue && !venue.archivedAt ? (
          <span className="badge badge--warn">{t("venues.overdue")}</span>
        ) : null}
      </div>
      {state === "editing" ? (
        <EditVenue
          venue={venue}
          onDone={(wasSaved) => {
            setSaved(wasSaved);
            setState("shown");
            setReturnFocus(true);
          }}
        />
      ) : (
        <>
          <p className="small" style={{ margin: "0.25rem 0" }}>
            {enumLabel("VenueKind", venue.kind)} ·{" "}
            {venue.visitCadenceDays
              ? t("venues.every", { days: venue.visitCadenceDays })
              : t("venues.noCadence")}{" "}
            ·{" "}
            {venue.lastVisitAt
              ? t("venues.lastVisit", { date: formatDate(venue.lastVisitAt) })
              : t("venues.never")}
          </p>
          {venue.confidential ? (
            <p className="small">
              <span className="badge">{t("venues.confidential")}</span> {venue.address}
            </p>
          ) : venue.address ? (
            <p className="small">{venue.address}</p>
          ) : null}
          {venue.agreements ? <p className="small">{venue.agreements}</p> : null}
          {venue.archivedAt ? (
            <p className="small muted">{t("venues.archivedOn", { date: formatDate(venue.archivedAt) })}</p>
          ) : null}
        </>
      )}
      <SuccessStatus shown={saved && state === "shown"}>{t("venues.saved")}</SuccessStatus>
      {failed ? (
        <p role="alert" className="alert alert--error">
          {failureMessage(failureOf(failed))}
        </p>
      ) : null}
      {state === "confirmingArchive" ? (
        <ConfirmDialog
          label={t("venues.archive")}
          question={t("venues.archiveQuestion", { name: venue.name })}
          confirmLabel={t("venues.archive")}
          pending={archive.isPending}
          onConfirm={() => archive.mutate()}
          onCancel={() => setState("shown")}
        />
      ) : null}
      {writable && state === "shown" ? (
        <div className="row">
          {venue.archivedAt ? (
            <button
              type="button"
              className="button"
              disabled={restore.isPending}
              onClick={() => restore.mutate()}
              aria-label={t("venues.restoreNamed", { name: venue.name })}
            >
              {t("venues.restore")}
            </button>
          ) : (
            <>
              <button
                ref={editButton}
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setSaved(false);
                  setState("editing");
                }}
                aria-label={t("venues.editNamed", { name: venue.name })}
              >
                {t("venues.edit")}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setState("confirmingArchive")}
                aria-label={t("venues.archiveNamed", { name: venue.name })}
              >
                {t("venues.archive")}
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** What was just archived, said at the top of the list with a way back (restore). */
function ArchivedNotice({ venue, onClose }: { venue: VenueItem; onClose(): void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  const undo = useMutation({
    mutationFn: () => mutate(RestoreVenue, (data) => data.restoreVenue, { input: { id: venue.id } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: venueKeys.all });
      onClose();
    },
  });
  return (
    <div ref={notice} tabIndex={-1} role="status" className="alert alert--ok row row--between">
      <span>{t("venues.archived", { name: venue.name })}</span>
      <button type="button" className="button" disabled={undo.isPending} onClick={() => undo.mutate()}>
        {t("venues.undo")}
      </button>
    </div>
  );
}

/** The venues the organisation covers, the overdue ones flagged, each changed or archived in place. */
export function VenuesPage() {
  const { t } = useT();
  const me = useViewer();
  const [archived, setArchived] = useState(false);
  const [justArchived, setJustArchived] = useState<VenueItem | null>(null);
  const venues = useQuery({
    queryKey: venueKeys.list(archived),
    queryFn: async () => (await request(VenuesQuery, { archived })).venues.edges.map((edge) => edge.node),
  });
  const writable = mayWrite(me, "VENUE");
  return (
    <section className="page">
      <h1>{t("venues.title")}</h1>
      <fieldset>
        <legend className="visually-hidden">{t("venues.show")}</legend>
        <div className="chips">
          {[false, true].map((value) => (
            <button
              key={String(value)}
              type="button"
              className="chip"
              aria-pressed={archived === value}
              onClick={() => {
                setArchived(value);
                setJustArchived(null);
              }}
            >
              {t(value ? "venues.filterArchived" : "venues.filterCovered")}
            </button>
          ))}
        </div>
      </fieldset>
      {justArchived ? <ArchivedNotice venue={justArchived} onClose={() => setJustArchived(null)} /> : null}
      {venues.isError ? <QueryFailure error={venues.error} onRetry={() => void venues.refetch()} /> : null}
      {venues.data?.length === 0 ? (
        <p className="muted">{t(archived ? "venues.noneArchived" : "venues.none")}</p>
      ) : null}
      <ul className="card-list">
        {venues.data?.map((venue) => (
          <VenueCard key={venue.id} venue={venue} writable={writable} onArchived={setJustArchived} />
        ))}
      </ul>
      {writable && !archived ? <AddVenue /> : null}
    </section>
  );
}
