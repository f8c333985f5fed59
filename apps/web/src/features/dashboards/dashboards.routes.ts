import { createElement, lazy, Suspense } from "react";
import { Loading } from "../../ui/Loaded.tsx";
import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";

// The dashboard and its chart library load when the page is opened, not with the field screens
// (the service worker still keeps them for offline use).
const DashboardPage = lazy(() =>
  import("./DashboardPage.tsx").then((module) => ({ default: module.DashboardPage })),
);

function DashboardRoute() {
  return createElement(Suspense, { fallback: createElement(Loading) }, createElement(DashboardPage));
}

export const dashboardRoutes: RouteDefinition[] = [{ path: "/tableau-de-bord", component: DashboardRoute }];

export const dashboardNavEntries: NavEntry[] = [
  {
    to: "/tableau-de-bord",
    label: "dashboard.nav",
    // A committee member without a working role sees the partnership's aggregates only.
    visible: (me) =>
      mayTake(me, "READ_ORGANISATION_DASHBOARD") || (me.committeeSeats.length > 0 && me.roles.length === 0),
  },
];
