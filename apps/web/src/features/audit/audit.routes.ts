import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AuditLogPage } from "./AuditLogPage.tsx";

export const auditRoutes: RouteDefinition[] = [{ path: "/journal", component: AuditLogPage }];

export const auditNavEntries: NavEntry[] = [
  { to: "/journal", label: "nav.audit", visible: (me) => mayRead(me, "AUDIT_EVENT") },
];
