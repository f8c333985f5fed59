import { columnLengths, createVenueInput } from "@maillage/domain/inputs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { mutate, request } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import { FormAlert, showFailure, useDomainForm } from "../../ui/domain-form.tsx";
import { CheckboxField, Field } from "../../ui/Field.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { mayWrite, useViewer } from "../auth/session.ts";
import { CreateVenue, type VenueItem, VenuesQuery, venueKeys } from "./venues.graphql.ts";

/** The API's venue input, read from the form: the visit cadence typed as digits. */
const venueForm = createVenueInput.extend({
  visitCadenceDays: z
    .string()
    .trim()
    .transform((text): number | null | undefined => (text === "" ? null : Number(text)))
    .pipe(createVenueInput.shape.visitCadenceDays),
});
type VenueFormValues = z.input<typeof venueForm>;

const empty: VenueFormValues = {
  name: "",
  kind: "MASSAGE_PARLOUR",
  visitCadenceDays: "7",
  address: "",
  confidential: false,
};

function AddVenue() {
  const { t, enumLabel } = useT();
  const queryClient = useQueryClient();
  const form = useDomainForm(venueForm, { defaultValues: empty });
  const { errors, isDirty } = form.formState;
  const create = useMutation({
    mutationFn: (values: z.output<typeof venueForm>) =>
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
      {create.isSuccess && !isDirty ? (
        <p role="status" className="alert alert--ok">
          {t("venues.created")}
        </p>
      ) : null}
      <div className="grid-2">
        <Field label={t("venues.name")} error={errors.name}>
          {(control) => (
            <input
              {...control}
              {...form.register("name")}
              required
              maxLength={columnLengths["Venue.name"]}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t("venues.kind")} error={errors.kind}>
          {(control) => (
            <select {...control} {...form.register("kind")}>
              {enumOptions("VenueKind").map((kind) => (
                <option key={kind} value={kind}>
                  {enumLabel("VenueKind", kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("venues.cadence")} error={errors.visitCadenceDays} optional>
          {(control) => (
            <input {...control} {...form.register("visitCadenceDays")} inputMode="numeric" maxLength={3} />
          )}
        </Field>
        <Field label={t("venues.address")} error={errors.address} optional>
          {(control) => (
            <input
              {...control}
              {...form.register("address")}
              maxLength={columnLengths["Venue.address"]}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <CheckboxField label={t("venues.isConfidential")} error={errors.confidential}>
        {(control) => <input {...control} type="checkbox" {...form.register("confidential")} />}
      </CheckboxField>
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t("venues.add")}
      </button>
    </form>
  );
}

function VenueCard({ venue }: { venue: VenueItem }) {
  const { t, formatDate, enumLabel } = useT();
  return (
    <li className="card">
      <div className="row row--between">
        <strong>{venue.name}</strong>
        {venue.overdue ? <span className="badge badge--warn">{t("venues.overdue")}</span> : null}
      </div>
      <p className="small" style={{ margin: "0.25rem 0" }}>
        {enumLabel("VenueKind", venue.kind)} ·{" "}
        {venue.visitCadenceDays ? t("venues.every", { days: venue.visitCadenceDays }) : t("venues.noCadence")}{" "}
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
    </li>
  );
}

/** The venues the organisation covers, the overdue ones flagged, and a new one added below. */
export function VenuesPage() {
  const { t } = useT();
  const me = useViewer();
  const venues = useQuery({
    queryKey: venueKeys.all,
    queryFn: async () => (await request(VenuesQuery)).venues.edges.map((edge) => edge.node),
  });
  return (
    <section className="page">
      <h1>{t("venues.title")}</h1>
      {venues.isError ? <QueryFailure error={venues.error} onRetry={() => void venues.refetch()} /> : null}
      {venues.data?.length === 0 ? <p className="muted">{t("venues.none")}</p> : null}
      <ul className="card-list">
        {venues.data?.map((venue) => (
          <VenueCard key={venue.id} venue={venue} />
        ))}
      </ul>
      {mayWrite(me, "VENUE") ? <AddVenue /> : null}
    </section>
  );
}
