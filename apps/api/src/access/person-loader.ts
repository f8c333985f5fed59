import type { Person } from "@maillage/db/prisma";
import type { Context } from "../context.ts";
import { visiblePersonWhere } from "./visible-records.ts";

type Pending = Map<string, ((person: Person | null) => void)[]>;
const loaders = new WeakMap<Context, (id: string) => Promise<Person | null>>();

/**
 * The person a record points to, as far as the viewer may see them — batched: every lookup of
 * one request made in the same turn becomes one query (`id IN (…)` under the visibility
 * filter), so a page of referrals or encounters does not cost a query per row.
 */
export function loadVisiblePerson(ctx: Context, id: string): Promise<Person | null> {
  let load = loaders.get(ctx);
  if (!load) {
    let pending: Pending | null = null;
    load = (personId) =>
      new Promise((resolve) => {
        if (!pending) {
          const batch: Pending = new Map();
          pending = batch;
          setImmediate(() => {
            pending = null;
            ctx.tx.person
              .findMany({
                where: { id: { in: [...batch.keys()] }, AND: [visiblePersonWhere(ctx.viewer!, ctx.now)] },
              })
              .then(
                (persons) => {
                  const byId = new Map(persons.map((person) => [person.id, person]));
                  for (const [key, waiting] of batch) for (const done of waiting) done(byId.get(key) ?? null);
                },
                () => {
                  for (const waiting of batch.values()) for (const done of waiting) done(null);
                },
              );
          });
        }
        const waiting = pending.get(personId) ?? [];
        waiting.push(resolve);
        pending.set(personId, waiting);
      });
    loaders.set(ctx, load);
  }
  return load(id);
}
