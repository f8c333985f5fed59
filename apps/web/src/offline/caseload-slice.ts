/**
 * The small slice of the caseload kept in the vault (encrypted, readable only while unlocked) so
 * that a worker can pick a person and repeat her last encounter with no signal: the files active
 * in the last 90 days (alias, birth year, the last encounter's channel, place, venue, themes and
 * items — never a note), the venues, the organisation's catalogue and the worker's last choices. Refreshed each time the app
 * opens online; gone with the vault.
 */
import { request } from "../app/graphql.ts";
import {
  type CatalogueChoices,
  catalogueChoices,
  noCatalogue,
} from "../features/encounters/catalogue-choices.ts";
import { graphql } from "../generated/gql.ts";
import type { Channel, PlaceType, Theme } from "../generated/graphql.ts";
import type { Json, Vault } from "./vault.ts";

const OfflineCaseloadQuery = graphql(`
  query OfflineCaseload {
    persons(first: 100, filter: { ownOnly: true, activeInLast90Days: true }) {
      edges {
        node {
          id
          alias
          birthYear
          encounters(first: 1) {
            edges {
              node {
                ...RepeatableEncounter
              }
            }
          }
        }
      }
    }
    encounterDefaults {
      channel
      placeType
      venue {
        id
      }
    }
    venues(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    catalogue {
      code
      list
      labelFr
      labelEn
    }
  }
`);

/** What "same as last time" repeats of a person's last encounter. */
export const RepeatableEncounter = graphql(`
  fragment RepeatableEncounter on Encounter {
    channel
    placeType
    venueId
    themes
    platform
    materials {
      item
      quantity
    }
    services {
      service
    }
  }
`);

export interface LastEncounter {
  channel: Channel;
  placeType: PlaceType;
  venueId: string | null;
  themes: Theme[];
  platform?: string | null;
  materials: { item: string; quantity: number }[];
  services?: { service: string }[];
}

export interface SlicePerson {
  id: string;
  alias: string;
  birthYear: number | null;
  last: LastEncounter | null;
}

export interface SliceExtra {
  defaults: { channel: Channel; placeType: PlaceType; venueId: string | null };
  venues: { id: string; name: string }[];
  /** The organisation's catalogue (absent from a slice kept before catalogues existed). */
  catalogue?: CatalogueChoices;
}

/** Reads the slice from the API and keeps it in the vault (unlocked only; otherwise nothing). */
export async function refreshCaseloadSlice(vault: Vault): Promise<void> {
  if (vault.state !== "unlocked") return;
  const data = await request(OfflineCaseloadQuery);
  const persons: SlicePerson[] = data.persons.edges.map(({ node }) => {
    const last = node.encounters.edges[0]?.node ?? null;
    return {
      id: node.id,
      alias: node.alias,
      birthYear: node.birthYear ?? null,
      last: last ? { ...last, venueId: last.venueId ?? null } : null,
    };
  });
  const extra: SliceExtra = {
    defaults: {
      channel: data.encounterDefaults.channel,
      placeType: data.encounterDefaults.placeType,
      venueId: data.encounterDefaults.venue?.id ?? null,
    },
    venues: data.venues.edges.map(({ node }) => node),
    catalogue: catalogueChoices(data.catalogue),
  };
  await vault.saveCaseload(persons as unknown as Json[], extra as unknown as Json);
}

function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase();
}

/** The slice's persons whose alias holds `term` (accents and case ignored, as the API does). */
export async function searchSlice(vault: Vault, term: string): Promise<SlicePerson[]> {
  if (vault.state !== "unlocked") return [];
  const slice = await vault.caseload();
  const persons = (slice?.persons ?? []) as unknown as SlicePerson[];
  const wanted = folded(term.trim());
  return persons.filter((person) => folded(person.alias).includes(wanted)).slice(0, 8);
}

/** The slice's person, or null (locked, not in the slice). */
export async function slicePerson(vault: Vault, id: string): Promise<SlicePerson | null> {
  if (vault.state !== "unlocked") return null;
  const slice = await vault.caseload();
  return ((slice?.persons ?? []) as unknown as SlicePerson[]).find((person) => person.id === id) ?? null;
}

/** The venues and last choices kept with the slice, or null. */
export async function sliceExtra(vault: Vault): Promise<SliceExtra | null> {
  if (vault.state !== "unlocked") return null;
  return ((await vault.caseload())?.extra ?? null) as unknown as SliceExtra | null;
}

/**
 * With no signal: the organisation's catalogue kept with the slice, or none (a locked vault, a
 * slice kept before catalogues existed) — an entry can still be made, without its choices.
 */
export async function keptCatalogue(vault: Vault): Promise<CatalogueChoices> {
  return (await sliceExtra(vault))?.catalogue ?? noCatalogue;
}
