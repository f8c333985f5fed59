/** The write matrix's attempts on the organisation and partnership: venues, safety alerts, the audit log, sharing agreements, memberships (see write-matrix-operations.ts). */
import {
  type AttemptsByKind,
  at,
  day,
  exists,
  g,
  input,
  present,
  widenedRoles,
} from "./write-matrix-operations.ts";

/** A number of its own for an attempt's marker (a stock count holds numbers only). */
function countOf(marker: string): number {
  let hash = 0;
  for (const character of marker) hash = (hash * 31 + character.charCodeAt(0)) % 999_983;
  return hash;
}

export const organisationWorkAttempts = {
  venue: {
    create: {
      sql: ({ world }) => ({
        sql: "INSERT INTO venues (organisation_id, name, kind) VALUES ($1, 'Parc', 'PARK')",
        params: [world.ownerId],
      }),
      graphql: ({ world, marker }) =>
        input(
          "createVenue",
          { name: marker, kind: "PARK" },
          exists("SELECT 1 FROM venues WHERE name = $1 AND organisation_id = $2", [marker, world.ownerId]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE venues SET address = 'Ailleurs' WHERE id = $1",
        params: [targets.venue],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateVenue",
          { id: g("Venue", targets.venue), address: marker },
          exists("SELECT 1 FROM venues WHERE id = $1 AND address = $2", [targets.venue, marker]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({ sql: "DELETE FROM venues WHERE id = $1", params: [targets.venue] }),
    },
  },
  "material stock": {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO material_stocks (organisation_id, item, counted_quantity, low_threshold, counted_by_id)
              VALUES ($1, 'FOOD', 100, 10, coalesce(app.user_id(), gen_random_uuid()))`,
        params: [world.ownerId],
      }),
      // The count is this attempt's own number, so only its own write is found.
      graphql: ({ world, marker }) =>
        input(
          "recordMaterialStock",
          { item: "SYRINGES", onHand: countOf(marker), lowThreshold: 10 },
          exists(
            "SELECT 1 FROM material_stocks WHERE organisation_id = $1 AND item = 'SYRINGES' AND counted_quantity = $2",
            [world.ownerId, countOf(marker)],
          ),
        ),
    },
    update: {
      sql: ({ world }) => ({
        sql: "UPDATE material_stocks SET low_threshold = 7, counted_by_id = coalesce(app.user_id(), counted_by_id) WHERE organisation_id = $1 AND item = 'CONDOMS'",
        params: [world.ownerId],
      }),
      graphql: ({ world, marker }) =>
        input(
          "recordMaterialStock",
          { item: "CONDOMS", onHand: countOf(marker), lowThreshold: 7 },
          exists(
            "SELECT 1 FROM material_stocks WHERE organisation_id = $1 AND item = 'CONDOMS' AND counted_quantity = $2",
            [world.ownerId, countOf(marker)],
          ),
        ),
    },
    delete: {
      sql: ({ world }) => ({
        sql: "DELETE FROM material_stocks WHERE organisation_id = $1 AND item = 'CONDOMS'",
        params: [world.ownerId],
      }),
    },
  },
  "venue's archiving": {
    create: {
      sql: ({ targets }) => ({
        sql: "UPDATE venues SET archived_at = now() WHERE id = $1",
        params: [targets.venue],
      }),
      graphql: ({ targets }) =>
        input(
          "archiveVenue",
          { id: g("Venue", targets.venue) },
          exists("SELECT 1 FROM venues WHERE id = $1 AND archived_at IS NOT NULL", [targets.venue]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "UPDATE venues SET archived_at = NULL WHERE id = $1",
        params: [targets.venueArchived],
      }),
      graphql: ({ targets }) =>
        input(
          "restoreVenue",
          { id: g("Venue", targets.venueArchived) },
          exists("SELECT 1 FROM venues WHERE id = $1 AND archived_at IS NULL", [targets.venueArchived]),
        ),
    },
  },
  "safety alert": {
    create: {
      sql: ({ world, viewer }) => ({
        sql: `INSERT INTO safety_alerts (partnership_id, organisation_id, published_by_id, what_happened, area,
                occurred_on, expires_at)
              VALUES ($1, $2, $3, 'Agression', 'Centre-ville', current_date, now() + interval '5 days')`,
        params: [world.partnershipId, viewer.organisationId, viewer.user.id],
      }),
      graphql: ({ world, marker }) =>
        input(
          "publishSafetyAlert",
          {
            partnershipId: g("Partnership", world.partnershipId),
            whatHappened: marker,
            area: "Centre-ville",
            occurredOn: new Date().toISOString().slice(0, 10),
            expiresAt: at(new Date(), 5 * day),
          },
          exists("SELECT 1 FROM safety_alerts WHERE what_happened = $1", [marker]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE safety_alerts SET withdrawn_at = now() WHERE id = $1",
        params: [targets.safetyAlert],
      }),
      graphql: ({ targets }) => ({
        field: "withdrawSafetyAlert",
        args: "id: $id",
        variables: { id: g("SafetyAlert", targets.safetyAlert) },
        written: exists("SELECT 1 FROM safety_alerts WHERE id = $1 AND withdrawn_at IS NOT NULL", [
          targets.safetyAlert,
        ]),
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM safety_alerts WHERE id = $1",
        params: [targets.safetyAlert],
      }),
    },
  },
  "audit event": {
    create: {
      sql: ({ world, viewer }) => ({
        sql: "INSERT INTO audit_events (user_id, organisation_id, action, record_kind) VALUES ($1, $2, 'MATRIX', 'PERSON')",
        params: [viewer.user.id, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE audit_events SET action = 'EFFACÉ' WHERE id = $1",
        params: [targets.auditEvent],
      }),
    },
    delete: {
      sql: ({ targets }) => ({ sql: "DELETE FROM audit_events WHERE id = $1", params: [targets.auditEvent] }),
    },
  },
  "sharing agreement": {
    create: {
      sql: ({ world }) => ({
        sql: "INSERT INTO sharing_agreements (partnership_id, record_kinds) VALUES ($1, '{PROFILE}')",
        params: [world.partnershipWithoutAgreementId],
      }),
    },
    update: {
      sql: ({ world, viewer }) => ({
        sql: "UPDATE sharing_agreements SET version = version + 1, updated_by_id = $2 WHERE partnership_id = $1",
        params: [world.partnershipId, viewer.user.id],
      }),
      // The same kinds at the current version: an accepted change leaves what is shared as it was.
      graphql: async ({ world, viewer }) => {
        const { rows } = await world.pool.query<{ record_kinds: string[]; version: number }>(
          "SELECT record_kinds::text[] AS record_kinds, version FROM sharing_agreements WHERE partnership_id = $1",
          [world.partnershipId],
        );
        return input(
          "updateSharingAgreement",
          {
            partnershipId: g("Partnership", world.partnershipId),
            recordKinds: present(rows[0], "sharing agreement").record_kinds,
            expectedVersion: present(rows[0], "sharing agreement").version,
          },
          exists("SELECT 1 FROM sharing_agreements WHERE partnership_id = $1 AND updated_by_id = $2", [
            world.partnershipId,
            viewer.user.id,
          ]),
        );
      },
    },
    delete: {
      sql: ({ world }) => ({
        sql: "DELETE FROM sharing_agreements WHERE partnership_id = $1",
        params: [world.partnershipId],
      }),
    },
  },
  "membership of a colleague": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO memberships (user_id, organisation_id, roles) VALUES ($1, $2, '{OUTREACH_WORKER}')",
        params: [targets.outsider, world.ownerId],
      }),
    },
    // Grants a working role to a colleague who holds ORG_ADMIN only.
    update: {
      sql: ({ world, targets }) => ({
        sql: `UPDATE memberships SET roles = '{ORG_ADMIN,OUTREACH_WORKER}' WHERE user_id = $1 AND organisation_id = $2`,
        params: [targets.adminColleague, world.ownerId],
      }),
      graphql: ({ world, targets }) =>
        input(
          "setMemberRoles",
          { userId: targets.adminColleague, roles: ["ORG_ADMIN", "OUTREACH_WORKER"] },
          exists(
            "SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2 AND 'OUTREACH_WORKER' = ANY (roles)",
            [targets.adminColleague, world.ownerId],
          ),
        ),
    },
    delete: {
      sql: ({ world, targets }) => ({
        sql: "DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2",
        params: [targets.adminColleague, world.ownerId],
      }),
    },
  },
  "end of a colleague's membership": {
    update: {
      sql: ({ world, targets }) => ({
        sql: "UPDATE memberships SET ended_at = now() WHERE user_id = $1 AND organisation_id = $2",
        params: [targets.memberToDeactivate, world.ownerId],
      }),
      graphql: ({ world, targets }) =>
        input(
          "deactivateMember",
          { userId: targets.memberToDeactivate },
          exists(
            "SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2 AND ended_at IS NOT NULL",
            [targets.memberToDeactivate, world.ownerId],
          ),
        ),
    },
  },
  invitation: {
    create: {
      sql: ({ world, viewer }) => ({
        sql: `INSERT INTO invitations (organisation_id, email, display_name, roles, token_hash, invited_by_id, expires_at)
              VALUES ($1, 'matrice@invitation.example', 'Invitée', '{OUTREACH_WORKER}', md5(random()::text), $2,
                      now() + interval '1 day')`,
        params: [world.ownerId, viewer.user.id],
      }),
      graphql: ({ viewer, marker }) =>
        input(
          "inviteMember",
          {
            email: `matrice-${viewer.index}@invitation.example`,
            displayName: marker,
            roles: ["OUTREACH_WORKER"],
          },
          exists("SELECT 1 FROM invitations WHERE display_name = $1", [marker]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE invitations SET revoked_at = now() WHERE id = $1",
        params: [targets.invitation],
      }),
      graphql: ({ targets }) =>
        input(
          "revokeInvitation",
          { invitationId: targets.invitation },
          exists("SELECT 1 FROM invitations WHERE id = $1 AND revoked_at IS NOT NULL", [targets.invitation]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({ sql: "DELETE FROM invitations WHERE id = $1", params: [targets.invitation] }),
    },
  },
  "sessions of the team": {
    // Someone else's device vault. Not a team member's: the accepted endAllSessions cells forget
    // those of every target set, and this statement must find its row as the table owner.
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM device_vaults WHERE user_id = $1",
        params: [targets.outsider],
      }),
      // Its own audit event, and the colleague's vault gone (an earlier accepted cell may have
      // forgotten it already: the event tells this viewer's call apart).
      graphql: ({ viewer, targets }) => ({
        field: "endAllSessions",
        args: "",
        variables: {},
        written: {
          sql: `SELECT EXISTS (SELECT 1 FROM audit_events WHERE action = 'SESSIONS_ENDED' AND user_id = $1)
                   AND NOT EXISTS (SELECT 1 FROM device_vaults WHERE user_id = $2) AS written`,
          params: [viewer.user.id, targets.signedInColleague],
        },
      }),
    },
  },
  "one's own roles": {
    update: {
      sql: (context) => ({
        sql: `UPDATE memberships SET roles = $3::"Role"[] WHERE user_id = $1 AND organisation_id = $2`,
        params: [context.viewer.user.id, context.viewer.organisationId, widenedRoles(context)],
      }),
      graphql: (context) =>
        input(
          "setMemberRoles",
          { userId: context.viewer.user.id, roles: widenedRoles(context) },
          exists(
            `SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2 AND roles @> $3::"Role"[]`,
            [context.viewer.user.id, context.viewer.organisationId, widenedRoles(context)],
          ),
        ),
    },
  },
} satisfies AttemptsByKind;
