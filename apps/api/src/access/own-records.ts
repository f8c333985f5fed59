import type { ActingContext } from "../context.ts";
import { fieldProblem, NotFoundError } from "../errors.ts";
import { decodeId } from "../global-ids.ts";
import { visiblePersonWhere } from "./visible-records.ts";

/**
 * The id of a person of the acting organisation named in a mutation's input, or a field error
 * at `path` — whether the person does not exist, belongs to another organisation or is hidden.
 */
export async function ownPersonId(ctx: ActingContext, globalId: string, path: string): Promise<string> {
  const viewer = ctx.viewer;
  const id = decodeId(globalId, "Person");
  const person = id
    ? await ctx.tx.person.findFirst({
        where: { id, organisationId: viewer.organisationId, AND: [visiblePersonWhere(viewer, ctx.now)] },
        select: { id: true },
      })
    : null;
  if (!person) throw fieldProblem(ctx.locale, path, "NOT_FOUND");
  return person.id;
}

/** One of visible-records.ts' visible…Where filters (those that need no time ignore `now`). */
type VisibleWhere<Visible> = (viewer: ActingContext["viewer"], now: Date) => Visible;

/**
 * The record a mutation names by `globalId`, as `find` loads it with the `where` given — the id,
 * the acting organisation and the viewer's `visibleWhere` for that kind (visible-records.ts) —
 * or NotFoundError, the same answer whether it does not exist, belongs to another organisation
 * or is hidden from the viewer. `find` may narrow `where`, never widen it.
 */
export async function ownRecordOrNotFound<Visible, Found>(
  ctx: ActingContext,
  typename: string,
  globalId: string,
  visibleWhere: VisibleWhere<Visible>,
  find: (where: { id: string; organisationId: string; AND: Visible[] }) => Promise<Found | null>,
): Promise<Found> {
  const { viewer, now } = ctx;
  const where = (id: string) => ({
    id,
    organisationId: viewer.organisationId,
    AND: [visibleWhere(viewer, now)],
  });
  return recordOrNotFound(ctx, globalId, typename, (id) => find(where(id)));
}

/**
 * Like ownRecordOrNotFound for a record another organisation may own yet the viewer may act on
 * (a referral she received, a visit she takes part in): only the visible…Where bounds it.
 */
export async function visibleRecordOrNotFound<Visible, Found>(
  ctx: ActingContext,
  typename: string,
  globalId: string,
  visibleWhere: VisibleWhere<Visible>,
  find: (where: { id: string; AND: Visible[] }) => Promise<Found | null>,
): Promise<Found> {
  const visible = visibleWhere(ctx.viewer, ctx.now);
  return recordOrNotFound(ctx, globalId, typename, (id) => find({ id, AND: [visible] }));
}

async function recordOrNotFound<Found>(
  ctx: ActingContext,
  globalId: string,
  typename: string,
  find: (id: string) => Promise<Found | null>,
): Promise<Found> {
  const id = decodeId(globalId, typename);
  const record = id ? await find(id) : null;
  if (!record) throw new NotFoundError(ctx.locale);
  return record;
}
