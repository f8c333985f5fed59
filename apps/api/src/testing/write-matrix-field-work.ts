/** The write matrix's attempts on field work: files, legal names, followers, encounters, accompaniments (see write-matrix-operations.ts). */
import {
  type AttemptsByKind,
  absent,
  at,
  day,
  encounterFields,
  exists,
  g,
  input,
} from "./write-matrix-operations.ts";

export const fieldWorkAttempts = {
  "person profile": {
    create: {
      sql: ({ world }) => ({
        sql: "INSERT INTO persons (organisation_id, alias, alias_search) VALUES ($1, 'Nouvelle', 'nouvelle')",
        params: [world.ownerId],
      }),
      graphql: ({ world, marker }) =>
        input(
          "createPerson",
          { alias: marker },
          exists("SELECT 1 FROM persons WHERE alias = $1 AND organisation_id = $2", [marker, world.ownerId]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE persons SET alias = 'Changée' WHERE id = $1",
        params: [targets.person],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updatePerson",
          { id: g("Person", targets.person), alias: marker },
          exists("SELECT 1 FROM persons WHERE id = $1 AND alias = $2", [targets.person, marker]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({ sql: "DELETE FROM persons WHERE id = $1", params: [targets.personToRemove] }),
    },
  },
  "legal name": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO person_legal_names (person_id, organisation_id, legal_name) VALUES ($1, $2, 'Nom')",
        params: [targets.personWithoutLegalName, world.ownerId],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updatePerson",
          { id: g("Person", targets.personWithoutLegalName), legalName: marker },
          exists("SELECT 1 FROM person_legal_names WHERE person_id = $1 AND legal_name = $2", [
            targets.personWithoutLegalName,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE person_legal_names SET legal_name = 'Autre' WHERE person_id = $1",
        params: [targets.person],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updatePerson",
          { id: g("Person", targets.person), legalName: marker },
          exists("SELECT 1 FROM person_legal_names WHERE person_id = $1 AND legal_name = $2", [
            targets.person,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM person_legal_names WHERE person_id = $1",
        params: [targets.personWhoseLegalNameIsCleared],
      }),
      graphql: ({ targets }) =>
        input(
          "updatePerson",
          { id: g("Person", targets.personWhoseLegalNameIsCleared), legalName: "" },
          absent("SELECT 1 FROM person_legal_names WHERE person_id = $1", [
            targets.personWhoseLegalNameIsCleared,
          ]),
        ),
    },
  },
  "person follower": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO person_followers (person_id, user_id, organisation_id) VALUES ($1, $2, $3)",
        params: [targets.personWithoutLegalName, world.author.worker.id, world.ownerId],
      }),
      graphql: ({ world, targets }) =>
        input(
          "setPersonFollowers",
          { personId: g("Person", targets.personWithoutLegalName), userIds: [world.author.worker.id] },
          exists("SELECT 1 FROM person_followers WHERE person_id = $1 AND user_id = $2", [
            targets.personWithoutLegalName,
            world.author.worker.id,
          ]),
        ),
    },
    delete: {
      sql: ({ world, targets }) => ({
        sql: "DELETE FROM person_followers WHERE person_id = $1 AND user_id = $2",
        params: [targets.personFollowed, world.author.worker.id],
      }),
      graphql: ({ targets }) =>
        input(
          "setPersonFollowers",
          { personId: g("Person", targets.personFollowed), userIds: [] },
          absent("SELECT 1 FROM person_followers WHERE person_id = $1", [targets.personFollowed]),
        ),
    },
  },
  "person's archiving": {
    create: {
      sql: ({ targets, viewer }) => ({
        sql: "UPDATE persons SET archived_at = now(), archived_by_id = $2 WHERE id = $1",
        params: [targets.personToArchive, viewer.user.id],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "archivePerson",
          { id: g("Person", targets.personToArchive), reason: marker },
          exists("SELECT 1 FROM persons WHERE id = $1 AND archived_at IS NOT NULL", [
            targets.personToArchive,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "UPDATE persons SET archived_at = NULL WHERE id = $1",
        params: [targets.personArchived],
      }),
      graphql: ({ targets }) =>
        input(
          "restorePerson",
          { id: g("Person", targets.personArchived) },
          exists("SELECT 1 FROM persons WHERE id = $1 AND archived_at IS NULL", [targets.personArchived]),
        ),
    },
  },
  "merge of two persons": {
    create: {
      sql: ({ targets }) => ({
        sql: "UPDATE persons SET merged_into_id = $2, merged_at = now() WHERE id = $1",
        params: [targets.personDuplicate, targets.personWithoutLegalName],
      }),
      graphql: ({ targets }) =>
        input(
          "mergePersons",
          {
            keepId: g("Person", targets.personWithoutLegalName),
            mergeId: g("Person", targets.personDuplicate),
          },
          exists("SELECT 1 FROM persons WHERE id = $1 AND merged_into_id = $2", [
            targets.personDuplicate,
            targets.personWithoutLegalName,
          ]),
        ),
    },
  },
  encounter: {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO encounters (organisation_id, person_id, author_id, occurred_at, channel, place_type)
              VALUES ($1, $2, $3, now(), 'PHONE', 'OFFICE')`,
        params: [world.ownerId, targets.person, viewer.user.id],
      }),
      graphql: ({ targets, viewer }) =>
        input(
          "recordEncounter",
          { ...encounterFields(targets.person), channel: "PHONE" },
          exists("SELECT 1 FROM encounters WHERE person_id = $1 AND author_id = $2 AND channel = 'PHONE'", [
            targets.person,
            viewer.user.id,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE encounters SET channel = 'SMS' WHERE id = $1",
        params: [targets.encounterToChange],
      }),
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterToChange),
            ...encounterFields(targets.person),
            channel: "SMS",
          },
          exists("SELECT 1 FROM encounters WHERE id = $1 AND channel = 'SMS'", [targets.encounterToChange]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM encounters WHERE id = $1",
        params: [targets.encounterToRemove],
      }),
      graphql: ({ targets }) => ({
        field: "deleteEncounter",
        args: "id: $id",
        variables: { id: g("Encounter", targets.encounterToRemove) },
        written: absent("SELECT 1 FROM encounters WHERE id = $1", [targets.encounterToRemove]),
      }),
    },
  },
  "encounter note": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO encounter_notes (encounter_id, organisation_id, body) VALUES ($1, $2, 'Ajoutée')",
        params: [targets.encounterWithoutNote, world.ownerId],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWithoutNote),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            note: marker,
          },
          exists("SELECT 1 FROM encounter_notes WHERE encounter_id = $1 AND body = $2", [
            targets.encounterWithoutNote,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE encounter_notes SET body = 'Réécrite' WHERE encounter_id = $1",
        params: [targets.encounterWithNote],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWithNote),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            note: marker,
          },
          exists("SELECT 1 FROM encounter_notes WHERE encounter_id = $1 AND body = $2", [
            targets.encounterWithNote,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM encounter_notes WHERE encounter_id = $1",
        params: [targets.encounterWhoseNoteIsCleared],
      }),
      // An update without a note clears it.
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWhoseNoteIsCleared),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
          },
          absent("SELECT 1 FROM encounter_notes WHERE encounter_id = $1", [
            targets.encounterWhoseNoteIsCleared,
          ]),
        ),
    },
  },
  "encounter material": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO encounter_materials (encounter_id, organisation_id, item, quantity)
              VALUES ($1, $2, 'LUBRICANT', 7)`,
        params: [targets.encounterWithoutMaterials, world.ownerId],
      }),
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWithoutMaterials),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            materials: [{ item: "LUBRICANT", quantity: 7 }],
          },
          exists("SELECT 1 FROM encounter_materials WHERE encounter_id = $1 AND item = 'LUBRICANT'", [
            targets.encounterWithoutMaterials,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE encounter_materials SET quantity = 9 WHERE encounter_id = $1 AND item = 'CONDOMS'",
        params: [targets.encounterWithMaterials],
      }),
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWithMaterials),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
            materials: [{ item: "CONDOMS", quantity: 9 }],
          },
          exists(
            "SELECT 1 FROM encounter_materials WHERE encounter_id = $1 AND item = 'CONDOMS' AND quantity = 9",
            [targets.encounterWithMaterials],
          ),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM encounter_materials WHERE encounter_id = $1 AND item = 'CONDOMS'",
        params: [targets.encounterWhoseMaterialsAreCleared],
      }),
      // An update without materials clears them.
      graphql: ({ targets }) =>
        input(
          "updateEncounter",
          {
            id: g("Encounter", targets.encounterWhoseMaterialsAreCleared),
            ...encounterFields(targets.person),
            channel: "IN_PERSON",
          },
          absent("SELECT 1 FROM encounter_materials WHERE encounter_id = $1", [
            targets.encounterWhoseMaterialsAreCleared,
          ]),
        ),
    },
  },
  accompaniment: {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO accompaniments (organisation_id, person_id, worker_id, destination, planned_at)
              VALUES ($1, $2, $3, 'HOUSING', now() + interval '70 days')`,
        params: [world.ownerId, targets.person, viewer.user.id],
      }),
      graphql: ({ targets }) =>
        input(
          "planAccompaniment",
          {
            personId: g("Person", targets.person),
            destination: "HOUSING",
            plannedAt: at(targets.slot, 20 * day),
          },
          exists("SELECT 1 FROM accompaniments WHERE person_id = $1 AND destination = 'HOUSING'", [
            targets.person,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE accompaniments SET status = 'DONE', closed_at = now() WHERE id = $1",
        params: [targets.accompaniment],
      }),
      graphql: ({ targets }) =>
        input(
          "closeAccompaniment",
          { id: g("Accompaniment", targets.accompaniment), status: "DONE" },
          exists("SELECT 1 FROM accompaniments WHERE id = $1 AND status = 'DONE'", [targets.accompaniment]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM accompaniments WHERE id = $1",
        params: [targets.accompaniment],
      }),
    },
  },
  "accompaniment note": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO accompaniment_notes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'Ajoutée')",
        params: [targets.accompanimentWithoutNote, world.ownerId],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "planAccompaniment",
          {
            personId: g("Person", targets.person),
            destination: "SOCIAL_SERVICES",
            plannedAt: at(targets.slot, 30 * day),
            note: marker,
          },
          exists("SELECT 1 FROM accompaniment_notes WHERE body = $1", [marker]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE accompaniment_notes SET body = 'Réécrite' WHERE accompaniment_id = $1",
        params: [targets.accompaniment],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM accompaniment_notes WHERE accompaniment_id = $1",
        params: [targets.accompaniment],
      }),
    },
  },
  // Written when the accompaniment is closed (closeAccompaniment's outcome).
  "accompaniment outcome": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO accompaniment_outcomes (accompaniment_id, organisation_id, body) VALUES ($1, $2, 'Ajoutée')",
        params: [targets.accompanimentWithoutNote, world.ownerId],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "closeAccompaniment",
          { id: g("Accompaniment", targets.accompanimentWithoutNote), status: "DONE", outcome: marker },
          exists("SELECT 1 FROM accompaniment_outcomes WHERE body = $1", [marker]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE accompaniment_outcomes SET body = 'Réécrite' WHERE accompaniment_id = $1",
        params: [targets.accompaniment],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM accompaniment_outcomes WHERE accompaniment_id = $1",
        params: [targets.accompaniment],
      }),
    },
  },
} satisfies AttemptsByKind;
