import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { request } from "../../app/graphql.ts";
import { useT } from "../../app/i18n/index.tsx";
import { usePath } from "../../app/router.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { EncounterForm } from "./EncounterForm.tsx";
import { editedEncounterValues, newEncounterValues } from "./encounter-form.ts";
import {
  EncounterDefaultsQuery,
  EncounterForEditQuery,
  encounterKeys,
  PersonAliasQuery,
} from "./encounters.graphql.ts";
import "./encounters.css";

/**
 * Quick entry on a phone (`/rencontres/nouvelle`): anonymous by default, the worker's last
 * channel, place and venue, one submit. `?personne=<id>` preselects a person; `?modifier=<id>`
 * edits an encounter on the same screen. What the form starts from is loaded first, then the form
 * is drawn with it (never copied in later, which would undo a tap made meanwhile).
 */
export function QuickEncounterPage() {
  const { t } = useT();
  const { search } = usePath();
  const editing = search.get("modifier");
  const preselected = editing ? null : search.get("personne");
  const defaults = useQuery({
    queryKey: encounterKeys.defaults,
    queryFn: () => request(EncounterDefaultsQuery),
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
  const named = useQuery({
    queryKey: encounterKeys.personAlias(preselected ?? ""),
    enabled: preselected !== null,
    queryFn: async () => (await request(PersonAliasQuery, { id: preselected ?? "" })).person,
  });
  const title = t(editing ? "encounter.editTitle" : "encounter.title");
  const loads = [defaults, ...(editing ? [existing] : []), ...(preselected ? [named] : [])];
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
        initial={editedEncounterValues(existing.data)}
        venues={defaults.data.venues.edges.map((edge) => edge.node)}
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
        initial={newEncounterValues(defaults.data.encounterDefaults, person)}
        venues={defaults.data.venues.edges.map((edge) => edge.node)}
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
