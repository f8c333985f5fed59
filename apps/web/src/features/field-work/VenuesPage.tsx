import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type AppErrorResult, graphql } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { useFormFailure } from "../../ui/form-failure.tsx";
import { createVenueMutation, fieldWorkKeys, venuesQuery } from "./field-work.graphql.ts";

const kinds = [
  "MASSAGE_PARLOUR",
  "DANCERS_BAR",
  "ESCORT_AGENCY",
  "ONLINE_AD_PLATFORM",
  "PARK",
  "HOTEL",
  "NIGHT_CENTRE",
  "STREET_AREA",
  "OTHER",
];

interface Venue {
  id: string;
  name: string;
  kind: string;
  visitCadenceDays: number | null;
  lastVisitAt: string | null;
  overdue: boolean;
  confidential: boolean;
  address: string | null;
}

function AddVenue() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useFormFailure();
  const id = useId();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("MASSAGE_PARLOUR");
  const [cadence, setCadence] = useState("7");
  const [address, setAddress] = useState("");
  const [confidential, setConfidential] = useState(false);
  const [done, setDone] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      graphql<{ createVenue: { __typename: string } & Partial<AppErrorResult> }>(createVenueMutation, {
        input: {
          name,
          kind,
          visitCadenceDays: cadence ? Number(cadence) : null,
          address: address || null,
          confidential,
        },
      }),
    onSuccess: ({ createVenue }) => {
      if (createVenue.__typename !== "CreateVenueSuccess") {
        form.fromResult(createVenue as AppErrorResult);
        return;
      }
      form.setFailure(null);
      setDone(true);
      setName("");
      setAddress("");
      void queryClient.invalidateQueries({ queryKey: fieldWorkKeys.venues });
    },
    onError: form.fromError,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    create.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t("venues.add")}</h2>
      {form.summary()}
      {done ? (
        <p role="status" className="alert alert--ok">
          {t("venues.created")}
        </p>
      ) : null}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("venues.name")}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            {...form.fieldProps("name")}
          />
          {form.fieldError("name")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("venues.kind")}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`venueKind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cadence`}>{t("venues.cadence")}</label>
          <input
            id={`${id}-cadence`}
            inputMode="numeric"
            value={cadence}
            onChange={(e) => setCadence(e.target.value)}
            {...form.fieldProps("visitCadenceDays")}
          />
          {form.fieldError("visitCadenceDays")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-address`}>{t("venues.address")}</label>
          <input
            id={`${id}-address`}
            value={address}
            maxLength={300}
            onChange={(e) => setAddress(e.target.value)}
            {...form.fieldProps("address")}
          />
          {form.fieldError("address")}
        </div>
      </div>
      <label className="row" style={{ minHeight: 44 }}>
        <input
          type="checkbox"
          style={{ width: 24, minHeight: 24 }}
          checked={confidential}
          onChange={(e) => setConfidential(e.target.checked)}
        />
        {t("venues.isConfidential")}
      </label>
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t("venues.add")}
      </button>
    </form>
  );
}

export function VenuesPage() {
  const { t, formatDate } = useT();
  const venues = useQuery({
    queryKey: fieldWorkKeys.venues,
    queryFn: async () =>
      (await graphql<{ venues: { edges: { node: Venue }[] } }>(venuesQuery)).venues.edges.map((e) => e.node),
  });
  return (
    <section className="page">
      <h1>{t("venues.title")}</h1>
      <ul className="card-list">
        {venues.data?.map((venue) => (
          <li key={venue.id} className="card">
            <div className="row row--between">
              <strong>{venue.name}</strong>
              {venue.overdue ? <span className="badge badge--warn">{t("venues.overdue")}</span> : null}
            </div>
            <p className="small" style={{ margin: "0.25rem 0" }}>
              {t(`venueKind.${venue.kind}` as MessageKey)} ·{" "}
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
          </li>
        ))}
      </ul>
      <AddVenue />
    </section>
  );
}
