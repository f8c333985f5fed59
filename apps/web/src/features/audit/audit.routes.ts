import { hasRole } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AuditLogPage } from "./AuditLogPage.tsx";
import { TeamPage } from "./TeamPage.tsx";

export const auditRoutes: RouteDefinition[] = [
  { path: "/journal", component: AuditLogPage },
  { path: "/equipe", component: TeamPage },
];

export const auditNavEntries: NavEntry[] = [
  { to: "/journal", label: "nav.audit", visible: (me) => hasRole(me, "ORG_ADMIN", "COORDINATOR") },
  { to: "/equipe", label: "nav.team", visible: (me) => hasRole(me, "ORG_ADMIN") },
];
