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
 * Appends to the audit log, in one INSERT with no RETURNING: the writer may append but not read
 * the log back (row-level security lets only admins and coordinators read it). Raw SQL with one
 * array per column, because Prisma compiles `createMany` anew on every call (it keeps no query
 * plan for it): a person's file read, audited on every request, paid that compilation each time.
 * The columns' own limits apply as in any INSERT (a value too long is refused, nothing written).
 */
export async function recordAuditEvents(tx: TransactionClient, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO audit_events (user_id, organisation_id, action, record_kind, record_id, ip, details)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
    events.map((event) => event.userId),
    events.map((event) => event.organisationId),
    events.map((event) => event.action),
    events.map((event) => event.recordKind),
    events.map((event) => event.recordId ?? null),
    events.map((event) => event.ip ?? null),
    events.map((event) => (event.details === undefined ? null : JSON.stringify(event.details))),
  );
}
