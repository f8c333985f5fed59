/**
 * The write matrix's attempts on workshops and prevention kiosks and their note (see
 * write-matrix-operations.ts), and the workshops of each target set (write-matrix-targets.ts).
 */
import { randomUUID } from "node:crypto";
import { type AttemptsByKind, absent, exists, g, input } from "./write-matrix-operations.ts";

/** Workshops of the owning organisation in one target set, held and recorded by its worker W. */
export interface WorkshopTargets {
  toChange: string;
  toRemove: string;
  withoutNote: string;
  withNote: string;
  whoseNoteIsCleared: string;
}

export function workshopTargets(): WorkshopTargets {
  return {
    toChange: randomUUID(),
    toRemove: randomUUID(),
    withoutNote: randomUUID(),
    withNote: randomUUID(),
    whoseNoteIsCleared: randomUUID(),
  };
}

/** The target workshops as SQL text (the values are uuids of ours: quoted as they are). */
export function workshopTargetStatements(owner: string, worker: string, t: WorkshopTargets): string[] {
  const rows = Object.values(t).map(
    (id) =>
      `('${id}', '${owner}', 'WORKSHOP', 'SEXUAL_HEALTH', 'YOUTH_SECONDARY_SCHOOL', 'École cible', current_date - 3, 25, 'École cible', '{${worker}}', '${worker}')`,
  );
  return [
    `INSERT INTO workshops (id, organisation_id, kind, topic, audience, place, held_on, participants, requested_by, facilitator_ids, recorded_by_id) VALUES ${rows.join(", ")}`,
    `INSERT INTO workshop_notes (workshop_id, organisation_id, body) VALUES ('${t.withNote}', '${owner}', 'Note cible'), ('${t.whoseNoteIsCleared}', '${owner}', 'Note cible')`,
  ];
}

/** A workshop's fields as the mutations take them, at `place`, held by the owner's worker. */
const fields = (worker: string, place: string) => ({
  kind: "KIOSK",
  topic: "HARM_REDUCTION",
  audience: "GENERAL_PUBLIC",
  place,
  heldOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
  participants: 40,
  requestedBy: "Maison des jeunes",
  facilitatorIds: [worker],
});

export const workshopAttempts = {
  workshop: {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO workshops (organisation_id, kind, topic, audience, place, held_on, participants, requested_by, facilitator_ids, recorded_by_id)
              VALUES ($1, 'WORKSHOP', 'CONSENT_AND_RELATIONSHIPS', 'YOUTH_CENTRE', 'Maison des jeunes', current_date, 12,
                      'Maison des jeunes', ARRAY[$2]::uuid[], coalesce(app.user_id(), gen_random_uuid()))`,
        params: [world.ownerId, world.author.worker.id],
      }),
      // Held by the viewer herself: she is a member of her organisation (when she holds a working role).
      graphql: ({ world, viewer, marker }) =>
        input(
          "recordWorkshop",
          { ...fields(viewer.user.id, marker), facilitatorIds: [viewer.user.id] },
          exists("SELECT 1 FROM workshops WHERE place = $1 AND organisation_id = $2", [
            marker,
            world.ownerId,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE workshops SET participants = 26 WHERE id = $1",
        params: [targets.workshops.toChange],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "updateWorkshop",
          { id: g("Workshop", targets.workshops.toChange), ...fields(world.author.worker.id, marker) },
          exists("SELECT 1 FROM workshops WHERE id = $1 AND place = $2", [
            targets.workshops.toChange,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM workshops WHERE id = $1",
        params: [targets.workshops.toRemove],
      }),
      graphql: ({ targets }) =>
        input(
          "deleteWorkshop",
          { id: g("Workshop", targets.workshops.toRemove) },
          absent("SELECT 1 FROM workshops WHERE id = $1", [targets.workshops.toRemove]),
        ),
    },
  },
  "workshop note": {
    create: {
      sql: ({ world, targets }) => ({
        sql: "INSERT INTO workshop_notes (workshop_id, organisation_id, body) VALUES ($1, $2, 'Note')",
        params: [targets.workshops.withoutNote, world.ownerId],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "updateWorkshop",
          {
            id: g("Workshop", targets.workshops.withoutNote),
            ...fields(world.author.worker.id, "École cible"),
            note: marker,
          },
          exists("SELECT 1 FROM workshop_notes WHERE workshop_id = $1 AND body = $2", [
            targets.workshops.withoutNote,
            marker,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE workshop_notes SET body = 'Autre' WHERE workshop_id = $1",
        params: [targets.workshops.withNote],
      }),
      graphql: ({ world, targets, marker }) =>
        input(
          "updateWorkshop",
          {
            id: g("Workshop", targets.workshops.withNote),
            ...fields(world.author.worker.id, "École cible"),
            note: marker,
          },
          exists("SELECT 1 FROM workshop_notes WHERE workshop_id = $1 AND body = $2", [
            targets.workshops.withNote,
            marker,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM workshop_notes WHERE workshop_id = $1",
        params: [targets.workshops.whoseNoteIsCleared],
      }),
      graphql: ({ world, targets }) =>
        input(
          "updateWorkshop",
          {
            id: g("Workshop", targets.workshops.whoseNoteIsCleared),
            ...fields(world.author.worker.id, "École cible"),
            note: "",
          },
          absent("SELECT 1 FROM workshop_notes WHERE workshop_id = $1", [
            targets.workshops.whoseNoteIsCleared,
          ]),
        ),
    },
  },
} satisfies AttemptsByKind;
