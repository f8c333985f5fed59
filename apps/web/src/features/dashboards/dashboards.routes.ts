import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { DashboardPage } from "./DashboardPage.tsx";

export const dashboardRoutes: RouteDefinition[] = [{ path: "/tableau-de-bord", component: DashboardPage }];

export const dashboardNavEntries: NavEntry[] = [
  {
    to: "/tableau-de-bord",
    label: "dashboard.nav",
    // A committee member without a working role sees the partnership's aggregates only.
    visible: (me) =>
      mayTake(me, "READ_ORGANISATION_DASHBOARD") || (me.committeeSeats.length > 0 && me.roles.length === 0),
  },
];
