/**
 * The write matrix's attempts on the organisation's catalogue (its entries and their retirement),
 * an encounter's services and stock received (see write-matrix-operations.ts), and the records of
 * each target set they act on (write-matrix-targets.ts).
 */
import { randomUUID } from "node:crypto";
import { type AttemptsByKind, absent, encounterFields, exists, g, input } from "./write-matrix-operations.ts";

/** A code of its own for a target entry or an attempt's marker (capitals, digits, _). */
export function codeOf(text: string): string {
  return `T${text.replace(/[^0-9a-z]/gi, "").toUpperCase()}`.slice(0, 40);
}

/** Catalogue entries and encounters (with services) of the owning organisation in one target set. */
export interface CatalogueTargets {
  entryToChange: string;
  entryToRemove: string;
  entryToRetire: string;
  entryRetired: string;
  encounterWithServices: string;
  encounterWithoutServices: string;
  encounterWhoseServicesAreCleared: string;
}

export function catalogueTargets(): CatalogueTargets {
  return {
    entryToChange: codeOf(randomUUID()),
    entryToRemove: codeOf(randomUUID()),
    entryToRetire: codeOf(randomUUID()),
    entryRetired: codeOf(randomUUID()),
    encounterWithServices: randomUUID(),
    encounterWithoutServices: randomUUID(),
    encounterWhoseServicesAreCleared: randomUUID(),
  };
}

/** The target records as SQL text (the values are codes and uuids of ours: quoted as they are). */
export function catalogueTargetStatements(
  owner: string,
  worker: string,
  person: string,
  t: CatalogueTargets,
): string[] {
  const entries = [t.entryToChange, t.entryToRemove, t.entryToRetire, t.entryRetired].map(
    (code) =>
      `('${owner}', 'SERVICE', '${code}', 'Service cible', 'Target service', ${code === t.entryRetired ? "now()" : "NULL"})`,
  );
  const encounters = [
    t.encounterWithServices,
    t.encounterWithoutServices,
    t.encounterWhoseServicesAreCleared,
  ].map(
    (id) =>
      `('${id}', '${owner}', '${person}', '${worker}', now() - interval '1 day', 'IN_PERSON', 'NIGHT_CENTRE')`,
  );
  return [
    `INSERT INTO catalogue_entries (organisation_id, list, code, label_fr, label_en, retired_at) VALUES ${entries.join(", ")}`,
    `INSERT INTO encounters (id, organisation_id, person_id, author_id, occurred_at, channel, place_type) VALUES ${encounters.join(", ")}`,
    `INSERT INTO encounter_services (encounter_id, organisation_id, service) VALUES ('${t.encounterWithServices}', '${owner}', 'MEAL'), ('${t.encounterWhoseServicesAreCleared}', '${owner}', 'MEAL')`,
  ];
}

const labels = (marker: string) => ({
  labelFr: `Fr ${marker}`.slice(0, 120),
  labelEn: `En ${marker}`.slice(0, 120),
});

export const catalogueAttempts = {
  "catalogue entry": {
    create: {
      sql: ({ world, marker }) => ({
        sql: `INSERT INTO catalogue_entries (organisation_id, list, code, label_fr, label_en)
              VALUES ($1, 'SERVICE', $2, 'Nouveau', 'New')`,
        params: [world.ownerId, codeOf(marker)],
      }),
      graphql: ({ world, marker }) =>
        input(
          "addCatalogueEntry",
          { list: "MATERIAL", code: codeOf(marker), ...labels(marker), category: "FOOD", unit: "PARCEL" },
          exists("SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 AND code = $2", [
            world.ownerId,
            codeOf(marker),
          ]),
        ),
    },
    update: {
      sql: ({ world, targets }) => ({
        sql: "UPDATE catalogue_entries SET label_en = 'Renamed' WHERE organisation_id = $1 AND code = $2",
        params: [world.ownerId, targets.catalogue.entryToChange],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "updateCatalogueEntry",
          { code: targets.catalogue.entryToChange, ...labels(marker) },
          exists(
            "SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 AND code = $2 AND label_en = $3",
            [world.ownerId, targets.catalogue.entryToChange, labels(marker).labelEn],
          ),
        ),
    },
    delete: {
      sql: ({ world, targets }) => ({
        sql: "DELETE FROM catalogue_entries WHERE organisation_id = $1 AND code = $2",
        params: [world.ownerId, targets.catalogue.entryToRemove],
      }),
      graphql: ({ world, targets }) =>
        input(
          "deleteCatalogueEntry",
          { code: targets.catalogue.entryToRemove },
          absent("SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 AND code = $2", [
            world.ownerId,
            targets.catalogue.entryToRemove,
          ]),
        ),
    },
  },
  "catalogue entry's retirement": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "UPDATE catalogue_entries SET retired_at = now() WHERE organisation_id = $1 AND code = $2",
        params: [world.ownerId, targets.catalogue.entryToRetire],
      }),
      graphql: ({ world, targets }) =>
        input(
          "retireCatalogueEntry",
          { code: targets.catalogue.entryToRetire },
          exists(
            "SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 AND code = $2 AND retired_at IS NOT NULL",
            [world.ownerId, targets.catalogue.entryToRetire],
          ),
        ),
    },
    delete: {
      sql: ({ world, targets }) => ({
        sql: "UPDATE catalogue_entries SET retired_at = NULL WHERE organisation_id = $1 AND code = $2",
        params: [world.ownerId, targets.catalogue.entryRetired],
      }),
      graphql: ({ world, targets }) =>
        input(
          "restoreCatalogueEntry",
          { code: targets.catalogue.entryRetired },
          exists(
            "SELECT 1 FROM catalogue_entries WHERE organisation_id = $1 AND code = $2 AND retired_at IS NULL",
            [world.ownerId, targets.catalogue.entryRetired],
          ),
        ),
    },
  },
  "encounter service": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO encounter_services (encounter_id, organisation_id, service) VALUES ($1, $2, 'SHOWER')`,
        params: [targets.catalogue.encounterWithoutServices, world.ownerId],
      }),
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.catalogue.encounterWithoutServices),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            services: ["SHOWER"],
          },
          exists("SELECT 1 FROM encounter_services WHERE encounter_id = $1 AND service = 'SHOWER'", [
            targets.catalogue.encounterWithoutServices,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE encounter_services SET service = 'SHOWER' WHERE encounter_id = $1 AND service = 'MEAL'",
        params: [targets.catalogue.encounterWithServices],
      }),
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.catalogue.encounterWithServices),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            services: ["CLOTHING_BANK"],
          },
          exists("SELECT 1 FROM encounter_services WHERE encounter_id = $1 AND service = 'CLOTHING_BANK'", [
            targets.catalogue.encounterWithServices,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM encounter_services WHERE encounter_id = $1 AND service = 'MEAL'",
        params: [targets.catalogue.encounterWhoseServicesAreCleared],
      }),
      // An update without services clears them.
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.catalogue.encounterWhoseServicesAreCleared),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
          },
          absent("SELECT 1 FROM encounter_services WHERE encounter_id = $1", [
            targets.catalogue.encounterWhoseServicesAreCleared,
          ]),
        ),
    },
  },
  "material receipt": {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO material_receipts (organisation_id, item, quantity, source, recorded_by_id)
              VALUES ($1, 'LUBRICANT', 50, 'DONATION', coalesce(app.user_id(), gen_random_uuid()))`,
        params: [world.ownerId],
      }),
      // The quantity is this attempt's own number, so only its own write is found.
      graphql: ({ world, marker }) =>
        input(
          "receiveMaterial",
          { item: "NALOXONE_KITS", quantity: quantityOf(marker), source: "PUBLIC_HEALTH_SUPPLY" },
          exists(
            "SELECT 1 FROM material_receipts WHERE organisation_id = $1 AND item = 'NALOXONE_KITS' AND quantity = $2",
            [world.ownerId, quantityOf(marker)],
          ),
        ),
    },
    update: {
      sql: ({ world }) => ({
        sql: "UPDATE material_receipts SET quantity = 2 WHERE organisation_id = $1 AND source = 'PURCHASE'",
        params: [world.ownerId],
      }),
    },
    delete: {
      sql: ({ world }) => ({
        sql: "DELETE FROM material_receipts WHERE organisation_id = $1 AND source = 'PURCHASE'",
        params: [world.ownerId],
      }),
    },
  },
} satisfies AttemptsByKind;

/** A quantity of its own for an attempt's marker (a receipt holds numbers only). */
function quantityOf(marker: string): number {
  let hash = 0;
  for (const character of marker) hash = (hash * 31 + character.charCodeAt(0)) % 999_983;
  return hash + 1;
}
