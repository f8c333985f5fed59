import { mayRead, mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AvailabilityPage } from "./AvailabilityPage.tsx";
import { BookVisitPage } from "./BookVisitPage.tsx";
import { RecordPastVisitPage } from "./RecordPastVisitPage.tsx";
import { VisitDetailPage } from "./VisitDetailPage.tsx";
import { VisitsPage } from "./VisitsPage.tsx";

export const nurseVisitRoutes: RouteDefinition[] = [
  { path: "/visites", component: VisitsPage },
  { path: "/visites/nouvelle", component: BookVisitPage },
  { path: "/visites/deja-faite", component: RecordPastVisitPage },
  { path: "/visites/:id", component: VisitDetailPage },
  { path: "/disponibilites", component: AvailabilityPage },
];

export const nurseVisitNavEntries: NavEntry[] = [
  { to: "/visites", label: "visits.nav", visible: (me) => mayRead(me, "NURSE_VISIT") },
  {
    to: "/disponibilites",
    label: "availability.nav",
    visible: (me) => mayTake(me, "KEEP_VISIT_AVAILABILITY"),
  },
];
