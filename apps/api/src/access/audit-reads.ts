import { recordAuditEvents } from "@maillage/db";
import DataLoader from "dataloader";
import type { Context } from "../context.ts";

/** Every read of a person's file is audited: one event per person per request. */
export async function auditPersonFileReads(context: Context, personIds: string[]): Promise<void> {
  const viewer = context.viewer;
  if (!viewer || personIds.length === 0) return;
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

const legalNameReads = new WeakMap<Context, DataLoader<string, true>>();

/**
 * Every list that returns a restricted field is audited (DESIGN.md §3 rule 5): a request that
 * returns a person's legal name writes one READ_LEGAL_NAME event for that person — whether it
 * came from a list, a file or a node lookup — as file reads write one event per person per
 * request, so the log answers "who saw her legal name, when" person by person. The events of
 * one request are written in one statement; the name is returned only once its event is
 * written (a failed write fails the field, it never hides the audit).
 */
export function auditLegalNameRead(context: Context, personId: string): Promise<unknown> {
  const viewer = context.viewer;
  if (!viewer) return Promise.resolve();
  let loader = legalNameReads.get(context);
  if (!loader) {
    loader = new DataLoader<string, true>(async (personIds) => {
      await recordAuditEvents(
        context.tx,
        personIds.map((recordId) => ({
          userId: viewer.userId,
          organisationId: viewer.organisationId,
          action: "READ_LEGAL_NAME",
          recordKind: "PERSON",
          recordId,
          ip: context.origin.ip,
        })),
      );
      return personIds.map(() => true as const);
    });
    legalNameReads.set(context, loader);
  }
  return loader.load(personId);
}
