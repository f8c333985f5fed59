import type { Context } from "../context.ts";
import { fieldProblem } from "../errors.ts";
import { decodeId } from "../global-ids.ts";
import { visiblePersonWhere } from "./visible-records.ts";

/**
 * The id of a person of the acting organisation named in a mutation's input, or a field error
 * at `path` — whether the person does not exist, belongs to another organisation or is hidden.
 */
export async function ownPersonId(ctx: Context, globalId: string, path: string): Promise<string> {
  const viewer = ctx.viewer!;
  const id = decodeId(globalId, "Person");
  const person = id
    ? await ctx.tx.person.findFirst({
        where: { id, organisationId: viewer.organisationId!, AND: [visiblePersonWhere(viewer, ctx.now)] },
        select: { id: true },
      })
    : null;
  if (!person) throw fieldProblem(ctx.locale, path, "NOT_FOUND");
  return person.id;
}
