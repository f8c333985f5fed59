/**
 * The write matrix's attempts on street teams' shift reports and their handover notes (see
 * write-matrix-operations.ts), and the reports of each target set (write-matrix-targets.ts).
 */
import { randomUUID } from "node:crypto";
import { type AttemptsByKind, absent, exists, g, hour, input } from "./write-matrix-operations.ts";

/** Shift reports of the owning organisation in one target set, written by its worker W. */
export interface ShiftReportTargets {
  toChange: string;
  toRemove: string;
  withoutNote: string;
  withNote: string;
  whoseNoteIsCleared: string;
  /** A venue of the owner that the reports' cells visit (its own: the venue cells remove theirs). */
  venue: string;
}

export function shiftReportTargets(): ShiftReportTargets {
  return {
    toChange: randomUUID(),
    toRemove: randomUUID(),
    withoutNote: randomUUID(),
    withNote: randomUUID(),
    whoseNoteIsCleared: randomUUID(),
    venue: randomUUID(),
  };
}

/** The target reports as SQL text (the values are uuids of ours: quoted as they are). */
export function shiftReportTargetStatements(owner: string, worker: string, t: ShiftReportTargets): string[] {
  const { venue, ...reports } = t;
  const rows = Object.values(reports).map(
    (id) => `('${id}', '${owner}', '${worker}', now() - interval '6 hours', now() - interval '2 hours')`,
  );
  return [
    `INSERT INTO venues (id, organisation_id, name, kind, visit_cadence_days) VALUES ('${venue}', '${owner}', 'Salon du quart', 'MASSAGE_PARLOUR', 7)`,
    `INSERT INTO shift_reports (id, organisation_id, author_id, starts_at, ends_at) VALUES ${rows.join(", ")}`,
    `INSERT INTO shift_handover_notes (shift_report_id, organisation_id, body) VALUES ('${t.withNote}', '${owner}', 'Relève cible'), ('${t.whoseNoteIsCleared}', '${owner}', 'Relève cible')`,
  ];
}

/** A report's fields as the mutations take them: last night's shift, nobody named, no venue. */
const fields = () => ({
  startsAt: new Date(Date.now() - 7 * hour).toISOString(),
  endsAt: new Date(Date.now() - 3 * hour).toISOString(),
  memberIds: [],
  venueIds: [],
});

export const shiftReportAttempts = {
  "shift report": {
    create: {
      sql: ({ world, viewer }) => ({
        sql: `INSERT INTO shift_reports (organisation_id, author_id, starts_at, ends_at)
              VALUES ($1, $2, now() - interval '5 hours', now() - interval '1 hour')`,
        params: [world.ownerId, viewer.user.id],
      }),
      graphql: ({ world, viewer }) =>
        input(
          "recordShiftReport",
          fields(),
          exists("SELECT 1 FROM shift_reports WHERE organisation_id = $1 AND author_id = $2", [
            world.ownerId,
            viewer.user.id,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE shift_reports SET ends_at = ends_at + interval '1 minute' WHERE id = $1",
        params: [targets.shiftReports.toChange],
      }),
      // The shift visited the set's venue: its visit is what the change leaves behind.
      graphql: ({ targets }) =>
        input(
          "updateShiftReport",
          {
            id: g("ShiftReport", targets.shiftReports.toChange),
            ...fields(),
            venueIds: [g("Venue", targets.shiftReports.venue)],
          },
          exists("SELECT 1 FROM shift_report_venues WHERE shift_report_id = $1 AND venue_id = $2", [
            targets.shiftReports.toChange,
            targets.shiftReports.venue,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM shift_reports WHERE id = $1",
        params: [targets.shiftReports.toRemove],
      }),
      graphql: ({ targets }) => ({
        field: "deleteShiftReport",
        args: "id: $id",
        variables: { id: g("ShiftReport", targets.shiftReports.toRemove) },
        written: absent("SELECT 1 FROM shift_reports WHERE id = $1", [targets.shiftReports.toRemove]),
      }),
    },
  },
  "shift handover note": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO shift_handover_notes (shift_report_id, organisation_id, body) VALUES ($1, $2, 'Ajoutée')",
        params: [targets.shiftReports.withoutNote, world.ownerId],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateShiftReport",
          { id: g("ShiftReport", targets.shiftReports.withoutNote), ...fields(), handoverNote: marker },
          exists("SELECT 1 FROM shift_handover_notes WHERE shift_report_id = $1 AND body = $2", [
            targets.shiftReports.withoutNote,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE shift_handover_notes SET body = 'Réécrite' WHERE shift_report_id = $1",
        params: [targets.shiftReports.withNote],
      }),
      graphql: ({ targets, marker }) =>
        input(
          "updateShiftReport",
          { id: g("ShiftReport", targets.shiftReports.withNote), ...fields(), handoverNote: marker },
          exists("SELECT 1 FROM shift_handover_notes WHERE shift_report_id = $1 AND body = $2", [
            targets.shiftReports.withNote,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM shift_handover_notes WHERE shift_report_id = $1",
        params: [targets.shiftReports.whoseNoteIsCleared],
      }),
      // A report changed without a note clears it.
      graphql: ({ targets }) =>
        input(
          "updateShiftReport",
          { id: g("ShiftReport", targets.shiftReports.whoseNoteIsCleared), ...fields() },
          absent("SELECT 1 FROM shift_handover_notes WHERE shift_report_id = $1", [
            targets.shiftReports.whoseNoteIsCleared,
          ]),
        ),
    },
  },
} satisfies AttemptsByKind;
