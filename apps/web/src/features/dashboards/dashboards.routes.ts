import { hasRole } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { DashboardPage } from "./DashboardPage.tsx";

export const dashboardRoutes: RouteDefinition[] = [{ path: "/tableau-de-bord", component: DashboardPage }];

export const dashboardNavEntries: NavEntry[] = [
  {
    to: "/tableau-de-bord",
    label: "dashboard.nav",
    visible: (me) => hasRole(me, "COORDINATOR") || (me.committeeSeats.length > 0 && me.roles.length === 0),
  },
];
