import { hasRole } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AvailabilityPage } from "./AvailabilityPage.tsx";
import { BookVisitPage } from "./BookVisitPage.tsx";
import { VisitDetailPage } from "./VisitDetailPage.tsx";
import { VisitsPage } from "./VisitsPage.tsx";

export const jointVisitRoutes: RouteDefinition[] = [
  { path: "/visites", component: VisitsPage },
  { path: "/visites/nouvelle", component: BookVisitPage },
  { path: "/visites/:id", component: VisitDetailPage },
  { path: "/disponibilites", component: AvailabilityPage },
];

export const jointVisitNavEntries: NavEntry[] = [
  {
    to: "/visites",
    label: "visits.nav",
    visible: (me) => hasRole(me, "OUTREACH_WORKER", "NURSE", "COORDINATOR"),
  },
  {
    to: "/disponibilites",
    label: "availability.nav",
    visible: (me) => hasRole(me, "OUTREACH_WORKER", "NURSE"),
  },
];
