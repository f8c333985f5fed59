import { useQuery } from "@tanstack/react-query";
import { RequestError, request } from "../../app/graphql.ts";
import { type LastEncounter, searchSlice, slicePerson } from "../../offline/caseload-slice.ts";
import { fieldQueue } from "../../offline/field-queue.ts";
import { encounterKeys, PersonLastEncounterQuery, PersonSearchQuery } from "./encounters.graphql.ts";

/** Whether an error is the network's (no signal): then the phone's own slice answers. */
export function isOffline(error: unknown): boolean {
  return error instanceof RequestError && error.code === "NETWORK";
}

/** A person's last encounter, from the API or, with no signal, from the caseload slice. */
export function useLastEncounter(personId: string | null) {
  return useQuery({
    queryKey: encounterKeys.lastOf(personId ?? ""),
    enabled: personId !== null,
    // Answered by the phone when there is no network (TanStack Query would wait for one).
    networkMode: "always",
    retry: false,
    queryFn: async (): Promise<LastEncounter | null> => {
      const id = personId ?? "";
      try {
        const { node } = await request(PersonLastEncounterQuery, { id });
        const last = node?.__typename === "Person" ? node.encounters.edges[0]?.node : null;
        return last ? { ...last, venueId: last.venueId ?? null } : null;
      } catch (error) {
        if (!isOffline(error)) throw error;
        const { vault } = await fieldQueue();
        return (await slicePerson(vault, id))?.last ?? null;
      }
    },
  });
}

/** Persons whose alias holds `term`: the API's search or, with no signal, the slice's. */
export async function searchPersons(term: string) {
  try {
    return (await request(PersonSearchQuery, { search: term })).persons.edges.map((edge) => edge.node);
  } catch (error) {
    if (!isOffline(error)) throw error;
    const { vault } = await fieldQueue();
    return (await searchSlice(vault, term)).map(({ id, alias, birthYear }) => ({ id, alias, birthYear }));
  }
}
