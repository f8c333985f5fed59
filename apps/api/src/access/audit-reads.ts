import { recordAuditEvents } from "@maillage/db";
import type { Context } from "../context.ts";

/** Every read of a person's file is audited: one event per person per request. */
export async function auditPersonFileReads(context: Context, personIds: string[]): Promise<void> {
  const viewer = context.viewer;
  if (!viewer || personIds.length === 0 || context.previewing) return;
  context.auditedPersonReads ??= new Set<string>();
  const audited = context.auditedPersonReads;
  const fresh = [...new Set(personIds)].filter((id) => !audited.has(id));
  if (fresh.length === 0) return;
  for (const id of fresh) audited.add(id);
  await recordAuditEvents(
    context.tx,
    fresh.map((recordId) => ({
      userId: viewer.userId,
      organisationId: viewer.organisationId,
      action: "READ_PERSON_FILE",
      recordKind: "PERSON",
      recordId,
      ip: context.origin.ip,
    })),
  );
}
