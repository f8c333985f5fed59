/**
 * Archiving and restoring a record of the acting organisation (a person's file, a venue): it
 * leaves or comes back to the lists and pickers, its history kept. Audited once per change; an
 * archive of an archived record (or a restore of a live one) changes nothing and says so by
 * writing nothing. The record is looked up with its kind's visible…Where (own-records.ts).
 */
import type { ActingContext } from "../context.ts";
import { auditViewerAction, type ViewerAction } from "./audit-writes.ts";
import { ownRecordOrNotFound } from "./own-records.ts";

export type Archivable = "Person" | "Venue";

const audited = {
  Person: { kind: "PERSON", archived: "PERSON_ARCHIVED", restored: "PERSON_RESTORED" },
  Venue: { kind: "VENUE", archived: "VENUE_ARCHIVED", restored: "VENUE_RESTORED" },
} as const;

/** Archives (or restores) the record named by `globalId`; answers its id. */
export async function setArchived(
  ctx: ActingContext,
  kind: Archivable,
  globalId: string,
  archive: boolean,
  details?: ViewerAction["details"],
): Promise<string> {
  const select = { id: true, archivedAt: true } as const;
  const record = await ownRecordOrNotFound(ctx, kind, globalId, (where) =>
    kind === "Person"
      ? ctx.tx.person.findFirst({ where: where as never, select })
      : ctx.tx.venue.findFirst({ where: where as never, select }),
  );
  if ((record.archivedAt !== null) === archive) return record.id;
  const data = archive
    ? { archivedAt: ctx.now, archivedById: ctx.viewer.userId }
    : { archivedAt: null, archivedById: null };
  if (kind === "Person") await ctx.tx.person.update({ where: { id: record.id }, data });
  else await ctx.tx.venue.update({ where: { id: record.id }, data });
  await auditViewerAction(ctx, {
    action: archive ? audited[kind].archived : audited[kind].restored,
    recordKind: audited[kind].kind,
    recordId: record.id,
    ...(details ? { details } : {}),
  });
  return record.id;
}
