/**
 * The write matrix's attempts on material delivery requests, their items, their window and place
 * and their steps (see write-matrix-operations.ts), and the deliveries of each target set
 * (write-matrix-targets.ts).
 */
import { randomUUID } from "node:crypto";
import { type AttemptsByKind, exists, g, input } from "./write-matrix-operations.ts";

/** Delivery requests of the owning organisation in one target set, logged by and assigned to W. */
export interface DeliveryTargets {
  /** Requested, 3 condoms asked for, no window or place, its one step (REQUESTED). */
  requested: string;
  /** Requested, with its window and place. */
  withPlace: string;
}

export function deliveryTargets(): DeliveryTargets {
  return { requested: randomUUID(), withPlace: randomUUID() };
}

/** The target deliveries as SQL text (the values are uuids of ours: quoted as they are). */
export function deliveryTargetStatements(owner: string, worker: string, t: DeliveryTargets): string[] {
  const ids = [t.requested, t.withPlace];
  return [
    `INSERT INTO material_deliveries (id, organisation_id, requested_by_id, assigned_to_id) VALUES ${ids
      .map((id) => `('${id}', '${owner}', '${worker}', '${worker}')`)
      .join(", ")}`,
    `INSERT INTO material_delivery_items (delivery_id, organisation_id, item, quantity) VALUES ${ids
      .map((id) => `('${id}', '${owner}', 'CONDOMS', 3)`)
      .join(", ")}`,
    `INSERT INTO material_delivery_places (delivery_id, organisation_id, time_window, place)
     VALUES ('${t.withPlace}', '${owner}', 'jeudi soir', 'derrière le dépanneur')`,
    `INSERT INTO material_delivery_transitions (delivery_id, organisation_id, to_status, by_user_id) VALUES ${ids
      .map((id) => `('${id}', '${owner}', 'REQUESTED', '${worker}')`)
      .join(", ")}`,
  ];
}

export const deliveryAttempts = {
  "material delivery": {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO material_deliveries (organisation_id, requested_by_id, assigned_to_id)
              VALUES ($1, coalesce(app.user_id(), gen_random_uuid()), $2)`,
        params: [world.ownerId, world.author.worker.id],
      }),
      // The attempt's marker is the place asked for, so only its own write is found.
      graphql: ({ world, marker }) =>
        input(
          "requestMaterialDelivery",
          { items: [{ item: "CONDOMS", quantity: 2 }], place: marker },
          exists(
            `SELECT 1 FROM material_delivery_places p JOIN material_deliveries d ON d.id = p.delivery_id
              WHERE d.organisation_id = $1 AND p.place = $2`,
            [world.ownerId, marker],
          ),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE material_deliveries SET status = 'SCHEDULED', version = version + 1 WHERE id = $1",
        params: [targets.deliveries.requested],
      }),
      graphql: ({ targets }) =>
        input(
          "transitionMaterialDelivery",
          {
            deliveryId: g("MaterialDelivery", targets.deliveries.requested),
            to: "SCHEDULED",
            expectedVersion: 1,
          },
          exists("SELECT 1 FROM material_deliveries WHERE id = $1 AND status = 'SCHEDULED' AND version = 2", [
            targets.deliveries.requested,
          ]),
        ),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM material_deliveries WHERE id = $1",
        params: [targets.deliveries.requested],
      }),
    },
  },
  "material delivery item": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO material_delivery_items (delivery_id, organisation_id, item, quantity)
              VALUES ($1, $2, 'LUBRICANT', 2)`,
        params: [targets.deliveries.requested, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE material_delivery_items SET quantity = 30 WHERE delivery_id = $1 AND item = 'CONDOMS'",
        params: [targets.deliveries.requested],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM material_delivery_items WHERE delivery_id = $1 AND item = 'CONDOMS'",
        params: [targets.deliveries.requested],
      }),
    },
  },
  "material delivery place": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO material_delivery_places (delivery_id, organisation_id, place) VALUES ($1, $2, 'au parc')`,
        params: [targets.deliveries.requested, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE material_delivery_places SET place = 'ailleurs' WHERE delivery_id = $1",
        params: [targets.deliveries.withPlace],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM material_delivery_places WHERE delivery_id = $1",
        params: [targets.deliveries.withPlace],
      }),
    },
  },
  "material delivery transition": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO material_delivery_transitions (delivery_id, organisation_id, to_status, by_user_id)
              VALUES ($1, $2, 'REQUESTED', coalesce(app.user_id(), gen_random_uuid()))`,
        params: [targets.deliveries.requested, world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE material_delivery_transitions SET at = at - interval '1 hour' WHERE delivery_id = $1",
        params: [targets.deliveries.requested],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM material_delivery_transitions WHERE delivery_id = $1",
        params: [targets.deliveries.requested],
      }),
    },
  },
} satisfies AttemptsByKind;
