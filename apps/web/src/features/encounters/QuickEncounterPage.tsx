import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { usePath } from "../../app/router.tsx";
import type { RecordEncounterInput } from "../../generated/graphql.ts";
import { type SliceExtra, sliceExtra } from "../../offline/caseload-slice.ts";
import { fieldQueue } from "../../offline/field-queue.ts";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { PersonAliasQuery } from "../persons/persons.graphql.ts";
import { type CatalogueChoices, catalogueChoices, noCatalogue } from "./catalogue-choices.ts";
import { EncounterForm } from "./EncounterForm.tsx";
import {
  type EncounterFormValues,
  editedEncounterValues,
  newEncounterValues,
  queuedEncounterValues,
} from "./encounter-form.ts";
import { EncounterDefaultsQuery, EncounterForEditQuery, encounterKeys } from "./encounters.graphql.ts";
import { isOffline } from "./last-encounter.ts";
import "./encounters.css";

/**
 * Where a new entry starts: the worker's last channel, place and venue, and the venues — from the
 * API, or with no signal from the slice kept on the phone (or, locked after an offline reload,
 * in person at a workplace with no venue: the entry can still be made and sent later).
 */
async function loadDefaults(): Promise<{
  defaults: StartingChoices;
  venues: { id: string; name: string }[];
  catalogue: CatalogueChoices;
}> {
  try {
    const data = await request(EncounterDefaultsQuery);
    const { channel, placeType, venue } = data.encounterDefaults;
    return {
      defaults: { channel, placeType, venueId: venue?.id ?? null },
      venues: data.venues.edges.map((edge) => edge.node),
      catalogue: catalogueChoices(data.catalogue),
    };
  } catch (error) {
    if (!isOffline(error)) throw error;
    const extra = await sliceExtra((await fieldQueue()).vault);
    return extra
      ? { ...extra, catalogue: extra.catalogue ?? noCatalogue }
      : {
          defaults: { channel: "IN_PERSON", placeType: "WORKPLACE", venueId: null },
          venues: [],
          catalogue: noCatalogue,
        };
  }
}

type StartingChoices = SliceExtra["defaults"];

/** A refused entry kept on the phone, as the form holds it (null: gone, or the vault is locked). */
async function queuedEncounter(id: string, timeZone: string): Promise<EncounterFormValues | null> {
  const { vault } = await fieldQueue();
  if (vault.state !== "unlocked") return null;
  const entry = (await vault.entries()).find((kept) => kept.id === id);
  if (!entry?.readable || entry.kind !== "recordEncounter") return null;
  const { variables } = entry.payload as unknown as { variables: { input: RecordEncounterInput } };
  return queuedEncounterValues(variables.input, entry.summary, timeZone);
}

/**
 * Quick entry on a phone (`/rencontres/nouvelle`): anonymous by default, the worker's last
 * channel, place and venue, one submit. `?personne=<id>` preselects a person; `?modifier=<id>`
 * edits an encounter on the same screen. What the form starts from is loaded first, then the form
 * is drawn with it (never copied in later, which would undo a tap made meanwhile).
 */
export function QuickEncounterPage() {
  const { t, timeZone } = useT();
  const { search } = usePath();
  const editing = search.get("modifier");
  const resuming = editing ? null : search.get("reprendre");
  const preselected = editing || resuming ? null : search.get("personne");
  const defaults = useQuery({
    queryKey: encounterKeys.defaults,
    // Answered by the phone when there is no network (TanStack Query would wait for one).
    networkMode: "always",
    retry: false,
    queryFn: loadDefaults,
    // Read afresh on each visit: the last entry's channel, place and venue change with every entry.
    gcTime: 0,
  });
  const existing = useQuery({
    queryKey: encounterKeys.edit(editing ?? ""),
    enabled: editing !== null,
    queryFn: async () => {
      const { node } = await request(EncounterForEditQuery, { id: editing ?? "" });
      return node?.__typename === "Encounter" ? node : null;
    },
    gcTime: 0,
  });
  const kept = useQuery({
    queryKey: ["encounters", "queued", resuming ?? ""],
    enabled: resuming !== null,
    networkMode: "always",
    gcTime: 0,
    queryFn: () => queuedEncounter(resuming ?? "", timeZone),
  });
  const named = useQuery({
    queryKey: encounterKeys.personAlias(preselected ?? ""),
    enabled: preselected !== null,
    queryFn: async () => (await request(PersonAliasQuery, { id: preselected ?? "" })).person,
  });
  const title = t(editing ? "encounter.editTitle" : "encounter.title");
  const loads = [
    defaults,
    ...(editing ? [existing] : []),
    ...(resuming ? [kept] : []),
    ...(preselected ? [named] : []),
  ];
  const failed = loads.find((load) => load.isError);
  let content: ReactNode;
  if (failed) {
    content = <QueryFailure error={failed.error} onRetry={() => void failed.refetch()} />;
  } else if (!defaults.data || loads.some((load) => load.isPending)) {
    content = (
      <p role="status" className="muted">
        {t("app.loading")}
      </p>
    );
  } else if (editing) {
    content = existing.data ? (
      <EncounterForm
        key={editing}
        editing={editing}
        initial={editedEncounterValues(existing.data, timeZone)}
        venues={defaults.data.venues}
        catalogue={defaults.data.catalogue}
      />
    ) : (
      <p role="alert" className="alert alert--error">
        {t("errors.NOT_FOUND")}
      </p>
    );
  } else if (resuming) {
    content = kept.data ? (
      <EncounterForm
        key={resuming}
        editing={null}
        resuming={resuming}
        initial={kept.data}
        venues={defaults.data.venues}
        catalogue={defaults.data.catalogue}
      />
    ) : (
      <p role="alert" className="alert alert--error">
        {t("errors.NOT_FOUND")}
      </p>
    );
  } else {
    // A person the link names but the viewer cannot see: an anonymous entry, as without the link.
    const person = named.data ?? null;
    content = (
      <EncounterForm
        key={preselected ?? "new"}
        editing={null}
        initial={newEncounterValues(defaults.data.defaults, person)}
        venues={defaults.data.venues}
        catalogue={defaults.data.catalogue}
      />
    );
  }
  return (
    <section className="page quick-entry">
      <h1>{title}</h1>
      {content}
    </section>
  );
}
