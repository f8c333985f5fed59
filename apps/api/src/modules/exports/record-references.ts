/**
 * The source reference each record was imported under (imported_records, written by the
 * import's commit), so an export writes it back and a re-import of the exported file finds every
 * row already imported (modules/imports/import-lookups.ts). A record that came from no import is
 * written under its id, which the import also knows as already there.
 */
import type { RecordShapeName } from "@maillage/domain/record-shapes";
import type { ActingContext } from "../../context.ts";

export async function recordReferences(
  ctx: ActingContext,
  shape: RecordShapeName,
  recordIds: readonly string[],
): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await ctx.tx.importedRecord.findMany({
    where: { organisationId: ctx.viewer.organisationId, shape, recordId: { in: [...new Set(recordIds)] } },
    // A record is imported under one reference; the order only makes the answer stable.
    orderBy: { sourceRef: "asc" },
    select: { recordId: true, sourceRef: true },
  });
  const references = new Map<string, string>();
  for (const row of rows) if (!references.has(row.recordId)) references.set(row.recordId, row.sourceRef);
  return references;
}
