/**
 * The write matrix's attempts on night-centre evenings — the evening, its closing, the partners
 * present, a visit (a check-in: an encounter of the evening), the intake form of a first visit and
 * the handover for the next shift — (see write-matrix-operations.ts), and the evenings of each
 * target set (write-matrix-targets.ts).
 */
import { randomUUID } from "node:crypto";
import { dayInZone } from "@maillage/domain";
import { type AttemptsByKind, exists, g, input } from "./write-matrix-operations.ts";

/** A night centre of the owning organisation in one target set, and its evenings opened by W. */
export interface EveningTargets {
  /** A night centre with tonight's evening and yesterday's, both open. */
  centre: string;
  /** A night centre with no evening yet (the one the GraphQL create opens). */
  centreToOpen: string;
  /** Tonight's, open: check-ins, partners and its handover (written) are tried on it. */
  evening: string;
  /** Yesterday's, open and without a handover: the closing and the first handover are tried on it. */
  eveningToClose: string;
  /** A partner present at tonight's evening. */
  partner: string;
  /** A check-in at tonight's evening by W. */
  visit: string;
  /** Persons of the owner: one with no intake yet, one with an intake (`intake`). */
  personWithoutIntake: string;
  personWithIntake: string;
  intake: string;
}

export function eveningTargets(): EveningTargets {
  return {
    centre: randomUUID(),
    centreToOpen: randomUUID(),
    evening: randomUUID(),
    eveningToClose: randomUUID(),
    partner: randomUUID(),
    visit: randomUUID(),
    personWithoutIntake: randomUUID(),
    personWithIntake: randomUUID(),
    intake: randomUUID(),
  };
}

/** The target evenings as SQL text (the values are uuids of ours: quoted as they are). */
export function eveningTargetStatements(owner: string, worker: string, t: EveningTargets): string[] {
  return [
    `INSERT INTO venues (id, organisation_id, name, kind, confidential, address) VALUES
       ('${t.centre}', '${owner}', 'Halte cible', 'NIGHT_CENTRE', true, '1 rue Cible'),
       ('${t.centreToOpen}', '${owner}', 'Halte à ouvrir', 'NIGHT_CENTRE', true, '2 rue Cible')`,
    `INSERT INTO night_centre_evenings (id, organisation_id, venue_id, evening_on, staff_ids, opened_by_id) VALUES
       ('${t.evening}', '${owner}', '${t.centre}', current_date, '{${worker}}', '${worker}'),
       ('${t.eveningToClose}', '${owner}', '${t.centre}', current_date - 1, '{${worker}}', '${worker}')`,
    `INSERT INTO night_centre_evening_partners (id, evening_id, organisation_id, name, service) VALUES
       ('${t.partner}', '${t.evening}', '${owner}', 'Unité mobile', 'STBBI_TESTING')`,
    `INSERT INTO night_centre_handover_notes (evening_id, organisation_id, body, written_by_id) VALUES
       ('${t.evening}', '${owner}', 'Relève cible', '${worker}')`,
    `INSERT INTO persons (id, organisation_id, alias, alias_search) VALUES
       ('${t.personWithoutIntake}', '${owner}', 'Cible accueil', 'cible accueil'),
       ('${t.personWithIntake}', '${owner}', 'Cible accueillie', 'cible accueillie')`,
    `INSERT INTO encounters (id, organisation_id, person_id, author_id, occurred_at, channel, place_type, venue_id, evening_id)
       VALUES ('${t.visit}', '${owner}', '${t.personWithIntake}', '${worker}', now() - interval '1 hour',
               'IN_PERSON', 'NIGHT_CENTRE', '${t.centre}', '${t.evening}')`,
    `INSERT INTO intake_assessments (id, organisation_id, person_id, visit_id, assessed_by_id, housing) VALUES
       ('${t.intake}', '${owner}', '${t.personWithIntake}', '${t.visit}', '${worker}', 'LONG_TERM')`,
  ];
}

export const eveningAttempts = {
  "night-centre evening": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO night_centre_evenings (organisation_id, venue_id, evening_on, staff_ids, opened_by_id)
              VALUES ($1, $2, current_date - 5, ARRAY[$3]::uuid[], $4)`,
        params: [world.ownerId, targets.evenings.centre, world.author.worker.id, viewer.user.id],
      }),
      // The viewer on duty herself: a member of her organisation.
      graphql: ({ targets, viewer }) =>
        input(
          "openNightCentreEvening",
          {
            venueId: g("Venue", targets.evenings.centreToOpen),
            // Today in the organisation's zone (an evening is never opened ahead of its day).
            eveningOn: dayInZone(new Date(), "America/Toronto"),
            staffIds: [viewer.user.id],
          },
          exists("SELECT 1 FROM night_centre_evenings WHERE venue_id = $1", [targets.evenings.centreToOpen]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE night_centre_evenings SET version = version + 1 WHERE id = $1",
        params: [targets.evenings.evening],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "updateNightCentreEvening",
          {
            id: g("NightCentreEvening", targets.evenings.evening),
            version: 1,
            staffIds: [world.author.worker.id],
            partners: [{ name: marker }],
          },
          exists("SELECT 1 FROM night_centre_evening_partners WHERE evening_id = $1 AND name = $2", [
            targets.evenings.evening,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM night_centre_evenings WHERE id = $1",
        params: [targets.evenings.eveningToClose],
      }),
    },
  },
  "night-centre evening's closing": {
    update: {
      sql: ({ targets, viewer }) => ({
        sql: "UPDATE night_centre_evenings SET closed_at = now(), closed_by_id = $2 WHERE id = $1",
        params: [targets.evenings.eveningToClose, viewer.user.id],
      }),
      graphql: ({ targets }) =>
        input(
          "closeNightCentreEvening",
          { id: g("NightCentreEvening", targets.evenings.eveningToClose), version: 1 },
          exists("SELECT 1 FROM night_centre_evenings WHERE id = $1 AND closed_at IS NOT NULL", [
            targets.evenings.eveningToClose,
          ]),
        ),
    },
  },
  "night-centre evening partner": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO night_centre_evening_partners (evening_id, organisation_id, name)
              VALUES ($1, $2, 'Clinique dentaire')`,
        params: [targets.evenings.evening, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE night_centre_evening_partners SET name = 'Autre unité' WHERE id = $1",
        params: [targets.evenings.partner],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM night_centre_evening_partners WHERE id = $1",
        params: [targets.evenings.partner],
      }),
    },
  },
  "evening visit": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO encounters (organisation_id, author_id, occurred_at, channel, place_type, venue_id, evening_id,
                                      anonymous_gender, anonymous_age_bracket)
              VALUES ($1, $2, now(), 'IN_PERSON', 'NIGHT_CENTRE', $3, $4, 'WOMAN', 'AGE_26_35')`,
        params: [world.ownerId, viewer.user.id, targets.evenings.centre, targets.evenings.evening],
      }),
      graphql: ({ targets, viewer }) =>
        input(
          "checkInToEvening",
          {
            eveningId: g("NightCentreEvening", targets.evenings.evening),
            anonymous: { gender: "WOMAN", ageBracket: "AGE_26_35", headCount: 1 },
          },
          exists("SELECT 1 FROM encounters WHERE evening_id = $1 AND author_id = $2", [
            targets.evenings.evening,
            viewer.user.id,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE encounters SET themes = '{FOOD}' WHERE id = $1",
        params: [targets.evenings.visit],
      }),
      graphql: ({ targets }) =>
        input(
          "recordVisitReceived",
          { visitId: g("Encounter", targets.evenings.visit), services: ["MEAL"] },
          exists("SELECT 1 FROM encounter_services WHERE encounter_id = $1 AND service = 'MEAL'", [
            targets.evenings.visit,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM encounters WHERE id = $1",
        params: [targets.evenings.visit],
      }),
    },
  },
  "intake assessment": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO intake_assessments (organisation_id, person_id, assessed_by_id, housing)
              VALUES ($1, $2, $3, 'NONE')`,
        params: [world.ownerId, targets.evenings.personWithoutIntake, viewer.user.id],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "recordIntakeAssessment",
          {
            personId: g("Person", targets.evenings.personWithoutIntake),
            needs: { housing: "IMMEDIATE" },
            comment: marker,
          },
          exists("SELECT 1 FROM intake_assessments WHERE person_id = $1 AND comment = $2", [
            targets.evenings.personWithoutIntake,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE intake_assessments SET housing = 'IMMEDIATE' WHERE id = $1",
        params: [targets.evenings.intake],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateIntakeAssessment",
          {
            id: g("IntakeAssessment", targets.evenings.intake),
            version: 1,
            needs: { housing: "NONE", health: "LONG_TERM" },
            comment: marker,
          },
          exists("SELECT 1 FROM intake_assessments WHERE id = $1 AND comment = $2", [
            targets.evenings.intake,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM intake_assessments WHERE id = $1",
        params: [targets.evenings.intake],
      }),
    },
  },
  "evening handover note": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO night_centre_handover_notes (evening_id, organisation_id, body, written_by_id)
              VALUES ($1, $2, 'Relève', $3)`,
        params: [targets.evenings.eveningToClose, world.ownerId, viewer.user.id],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "writeEveningHandover",
          { eveningId: g("NightCentreEvening", targets.evenings.eveningToClose), body: marker },
          exists("SELECT 1 FROM night_centre_handover_notes WHERE evening_id = $1 AND body = $2", [
            targets.evenings.eveningToClose,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets, viewer }) => ({
        sql: "UPDATE night_centre_handover_notes SET body = 'Autre relève', written_by_id = $2 WHERE evening_id = $1",
        params: [targets.evenings.evening, viewer.user.id],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "writeEveningHandover",
          { eveningId: g("NightCentreEvening", targets.evenings.evening), body: marker },
          exists("SELECT 1 FROM night_centre_handover_notes WHERE evening_id = $1 AND body = $2", [
            targets.evenings.evening,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM night_centre_handover_notes WHERE evening_id = $1",
        params: [targets.evenings.evening],
      }),
    },
  },
} satisfies AttemptsByKind;
