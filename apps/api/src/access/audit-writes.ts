import { type AuditEventInput, recordAuditEvents } from "@maillage/db";
import type { ActingContext } from "../context.ts";

/** What a mutation says it did; who, for which organisation and from where come from `ctx`. */
export type ViewerAction = Pick<AuditEventInput, "action" | "recordKind" | "recordId" | "details">;

/**
 * Audits a write by the viewer on behalf of her acting organisation, from the request's address:
 * every audited mutation records the same who/where, so none can forget one of them.
 */
export function auditViewerAction(ctx: ActingContext, action: ViewerAction): Promise<void> {
  return recordAuditEvents(ctx.tx, [
    {
      userId: ctx.viewer.userId,
      organisationId: ctx.viewer.organisationId,
      ip: ctx.origin.ip,
      ...action,
    },
  ]);
}
