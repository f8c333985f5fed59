import type { Person } from "@maillage/db/prisma";
import type { Context } from "../context.ts";
import { visiblePersonWhere } from "./visible-records.ts";

/** What a lookup of persons needs of the request. */
export type PersonLookupContext = Pick<Context, "tx" | "viewer" | "now">;

/** The persons among `ids` the viewer may see: one statement under the visibility filter. */
export function loadVisiblePersons(ctx: PersonLookupContext, ids: readonly string[]): Promise<Person[]> {
  return ctx.tx.person.findMany({
    where: { id: { in: [...ids] }, AND: [visiblePersonWhere(ctx.viewer, ctx.now)] },
  });
}

/**
 * The options of a `t.loadable` field that holds the person a record points to (Pothos'
 * dataloader plugin), as far as the viewer may see them: every lookup of one field in a request
 * becomes one query (`id IN (…)` under the visibility filter), so a page of referrals or
 * encounters does not cost a query per row. A person the filter hides comes back as null; a
 * failed query is an error of the field, never taken for a hidden person.
 *
 * The batch waits for `setImmediate` rather than DataLoader's default (the end of the current
 * promise jobs): a list's items reach this field across several turns of promise jobs (each
 * parent row is authorized and resolved asynchronously), and one query per page, whatever its
 * size, is what the statement-count tests of persons and referrals assert.
 */
export const visiblePersonLoad = {
  load: (ids: string[], ctx: PersonLookupContext) => loadVisiblePersons(ctx, ids),
  sort: (person: Person) => person.id,
  loaderOptions: { batchScheduleFn: (run: () => void) => setImmediate(run) },
};
