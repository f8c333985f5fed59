import type { Prisma } from "../generated/prisma/client.ts";
import type { TransactionClient } from "./client.ts";

export interface AuditEventInput {
  userId: string | null;
  organisationId: string | null;
  action: string;
  recordKind: string;
  recordId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

/**
 * Appends to the audit log. `createMany` issues no RETURNING: the writer may append but not
 * read the log back (row-level security lets only admins and coordinators read it).
 */
export async function recordAuditEvents(tx: TransactionClient, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      userId: event.userId,
      organisationId: event.organisationId,
      action: event.action,
      recordKind: event.recordKind,
      recordId: event.recordId ?? null,
      ip: event.ip ?? null,
      ...(event.details === undefined ? {} : { details: event.details }),
    })),
  });
}
