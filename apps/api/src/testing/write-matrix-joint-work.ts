/** The write matrix's attempts on the work shared with partners: joint visits, clinical notes, referrals, consents (see write-matrix-operations.ts). */
import {
  type AttemptsByKind,
  at,
  day,
  exists,
  g,
  hour,
  input,
  referralStep,
} from "./write-matrix-operations.ts";

export const jointWorkAttempts = {
  "nurse visit": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                planned_start, planned_end, proposed_by_id)
              VALUES ($1, $2, $3, $1, 'HOME', $4, $5, $3)`,
        params: [
          world.ownerId,
          world.author.nurse.id,
          viewer.user.id,
          at(targets.slot, 5 * day),
          at(targets.slot, 5 * day + hour),
        ],
      }),
      // Booked with a nurse of the consented public-health partner, in this viewer's own slot.
      graphql: ({ world, targets, viewer }) => {
        const start = at(targets.slot, -38 * day);
        return input(
          "proposeNurseVisit",
          {
            nurseId: world.bookableNurseId,
            personIds: [g("Person", targets.person)],
            placeType: "HOME",
            start,
            end: at(targets.slot, -38 * day + hour),
          },
          exists("SELECT 1 FROM nurse_visits WHERE worker_id = $1 AND nurse_id = $2 AND planned_start = $3", [
            viewer.user.id,
            world.bookableNurseId,
            start,
          ]),
        );
      },
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE nurse_visits SET status = 'CANCELLED' WHERE id = $1",
        params: [targets.visitProposed],
      }),
      graphql: ({ targets }) =>
        input(
          "respondToNurseVisit",
          { visitId: g("NurseVisit", targets.visitProposed), response: "CANCEL" },
          exists("SELECT 1 FROM nurse_visits WHERE id = $1 AND status = 'CANCELLED'", [
            targets.visitProposed,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM nurse_visits WHERE id = $1",
        params: [targets.visitProposed],
      }),
    },
  },
  "nurse visit booked from a partner": {
    // By the viewer's organisation, with the owning organisation's nurse.
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                planned_start, planned_end, proposed_by_id)
              VALUES ($1, $2, $3, $4, 'HOME', $5, $6, $3)`,
        params: [
          world.ownerId,
          world.author.nurse.id,
          viewer.user.id,
          viewer.organisationId,
          at(targets.slot, 6 * day),
          at(targets.slot, 6 * day + hour),
        ],
      }),
    },
  },
  "nurse visit's nurse": {
    // To the owning organisation's other nurse, who is free then.
    update: {
      sql: ({ world, targets }) => ({
        sql: "UPDATE nurse_visits SET nurse_id = $2 WHERE id = $1",
        params: [targets.visitToHandOver, world.viewers["own organisation, another member"].N.user.id],
      }),
      graphql: ({ world, targets }) => {
        const nurse = world.viewers["own organisation, another member"].N.user.id;
        return input(
          "reassignNurseVisit",
          { visitId: g("NurseVisit", targets.visitToHandOver), nurseId: nurse },
          exists("SELECT 1 FROM nurse_visits WHERE id = $1 AND nurse_id = $2", [
            targets.visitToHandOver,
            nurse,
          ]),
        );
      },
    },
  },
  // A visit that already happened, with the owning organisation's worker and person, fifty days
  // ago in this set's own slot (past visits of one nurse or worker never meet the targets').
  "nurse visit recorded by its nurse": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                planned_start, planned_end, status, recorded_after, proposed_by_id)
              VALUES ($1, $2, $3, $4, 'HOME', $5, $6, 'COMPLETED', true, $2)`,
        params: [
          viewer.organisationId,
          viewer.user.id,
          world.author.worker.id,
          world.ownerId,
          at(targets.slot, -90 * day),
          at(targets.slot, -90 * day + hour),
        ],
      }),
      graphql: ({ world, targets, viewer }) => {
        const start = at(targets.slot, -90 * day);
        return input(
          "recordPastNurseVisit",
          {
            workerId: world.author.worker.id,
            workerOrganisationId: g("Organisation", world.ownerId),
            personIds: [g("Person", targets.person)],
            placeType: "HOME",
            start,
            end: at(targets.slot, -90 * day + hour),
            acts: [{ kind: "STBBI_TEST", count: 1 }],
          },
          exists(
            "SELECT 1 FROM nurse_visits WHERE nurse_id = $1 AND planned_start = $2 AND status = 'COMPLETED' AND recorded_after",
            [viewer.user.id, start],
          ),
        );
      },
    },
  },
  // Recorded by the viewer as its worker, for the owning organisation's nurse (SQL) or the
  // consented public-health partner's (GraphQL) to confirm, sixty days ago in this set's slot.
  "nurse visit submitted by its worker": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO nurse_visits (organisation_id, nurse_id, worker_id, worker_organisation_id, place_type,
                planned_start, planned_end, status, recorded_after, proposed_by_id)
              VALUES ($1, $2, $3, $4, 'HOME', $5, $6, 'AWAITING_CONFIRMATION', true, $3)`,
        params: [
          world.ownerId,
          world.author.nurse.id,
          viewer.user.id,
          viewer.organisationId,
          at(targets.slot, -100 * day),
          at(targets.slot, -100 * day + hour),
        ],
      }),
      graphql: ({ world, targets, viewer }) => {
        const start = at(targets.slot, -100 * day);
        return input(
          "submitPastNurseVisit",
          {
            nurseId: world.bookableNurseId,
            personIds: [g("Person", targets.person)],
            placeType: "HOME",
            start,
            end: at(targets.slot, -100 * day + hour),
          },
          exists(
            "SELECT 1 FROM nurse_visits WHERE worker_id = $1 AND planned_start = $2 AND status = 'AWAITING_CONFIRMATION'",
            [viewer.user.id, start],
          ),
        );
      },
    },
  },
  "clinical note": {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO clinical_notes (nurse_visit_id, organisation_id, person_id, author_id, body)
              VALUES ($1, $2, $3, $4, 'Ajoutée')`,
        params: [targets.visitAccepted, world.ownerId, targets.person, viewer.user.id],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "completeNurseVisit",
          {
            visitId: g("NurseVisit", targets.visitAccepted),
            acts: [{ kind: "STBBI_TEST", count: 1 }],
            notes: [{ body: marker }],
          },
          exists("SELECT 1 FROM clinical_notes WHERE nurse_visit_id = $1 AND body = $2", [
            targets.visitAccepted,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE clinical_notes SET results = 'Positif' WHERE id = $1",
        params: [targets.clinicalNote],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM clinical_notes WHERE id = $1",
        params: [targets.clinicalNote],
      }),
    },
  },
  // Recorded by completeNurseVisit (the clinical note's create cells), in SQL here.
  "clinical act": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO clinical_acts (nurse_visit_id, organisation_id, kind, count) VALUES ($1, $2, 'COUNSELLING', 1)",
        params: [targets.visitAccepted, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE clinical_acts SET count = 2 WHERE id = $1",
        params: [targets.clinicalAct],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM clinical_acts WHERE id = $1",
        params: [targets.clinicalAct],
      }),
    },
  },
  // The owning organisation's person (consented to the nurse's organisation) on W's visit with it.
  "person on a nurse visit": {
    create: {
      sql: ({ targets }) => ({
        sql: "INSERT INTO nurse_visit_persons (nurse_visit_id, person_id) VALUES ($1, $2)",
        params: [targets.visitWithPartnerNurse, targets.person],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE nurse_visit_persons SET person_id = $2 WHERE nurse_visit_id = $1",
        params: [targets.visitProposed, targets.personWithoutLegalName],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM nurse_visit_persons WHERE nurse_visit_id = $1",
        params: [targets.visitProposed],
      }),
    },
  },
  referral: {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO referrals (person_id, from_organisation_id, from_user_id, to_organisation_id, consent_id,
                reason, service_requested, urgency)
              VALUES ($1, $2, $3, $4, $5, 'Logement', 'Rendez-vous', 'SOON')`,
        params: [
          targets.person,
          world.ownerId,
          viewer.user.id,
          world.organisations["partner, open referral"],
          targets.referralConsent,
        ],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "sendReferral",
          {
            personId: g("Person", targets.person),
            toOrganisationId: g("Organisation", world.organisations["partner, open referral"]),
            reason: marker,
            serviceRequested: "Rendez-vous",
            urgency: "SOON",
          },
          exists("SELECT 1 FROM referrals WHERE reason = $1", [marker]),
        ),
    },
    update: {
      sql: (context) => ({
        sql: 'UPDATE referrals SET status = $2::"ReferralStatus", version = version + 1 WHERE id = $1',
        params: [context.targets.referral, referralStep(context)],
      }),
      graphql: (context) =>
        input(
          "transitionReferral",
          {
            referralId: g("Referral", context.targets.referral),
            to: referralStep(context),
            expectedVersion: 1,
          },
          exists('SELECT 1 FROM referrals WHERE id = $1 AND status = $2::"ReferralStatus"', [
            context.targets.referral,
            referralStep(context),
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({ sql: "DELETE FROM referrals WHERE id = $1", params: [targets.referral] }),
    },
  },
  consent: {
    create: {
      sql: ({ world, targets, viewer }) => ({
        sql: `INSERT INTO consents (organisation_id, person_id, grantee_organisation_id, record_kinds, recorded_by_id)
              VALUES ($1, $2, $3, '{PROFILE}', $4)`,
        params: [
          world.ownerId,
          targets.person,
          world.organisations["partner, active consent"],
          viewer.user.id,
        ],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "recordConsent",
          {
            personId: g("Person", targets.person),
            granteeOrganisationId: g("Organisation", world.organisations["partner, active consent"]),
            recordKinds: ["PROFILE"],
            note: marker,
          },
          exists("SELECT 1 FROM consents WHERE note = $1", [marker]),
        ),
    },
    update: {
      sql: ({ targets, viewer }) => ({
        sql: "UPDATE consents SET withdrawn_at = now(), withdrawn_by_id = $2 WHERE id = $1",
        params: [targets.consentToWithdraw, viewer.user.id],
      }),
      graphql: ({ targets }) =>
        input(
          "withdrawConsent",
          { consentId: g("Consent", targets.consentToWithdraw) },
          exists("SELECT 1 FROM consents WHERE id = $1 AND withdrawn_at IS NOT NULL", [
            targets.consentToWithdraw,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM consents WHERE id = $1",
        params: [targets.consentToWithdraw],
      }),
    },
  },
  "consent's content": {
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE consents SET record_kinds = '{PROFILE,ENCOUNTERS_SUMMARY}', expires_at = NULL WHERE id = $1",
        params: [targets.referralConsent],
      }),
    },
  },
  "consent's withdrawal": {
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE consents SET withdrawn_at = NULL, withdrawn_by_id = NULL WHERE id = $1",
        params: [targets.consentWithdrawn],
      }),
    },
  },
} satisfies AttemptsByKind;
