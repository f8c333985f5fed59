import { hasRole } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AccompanimentsPage } from "./AccompanimentsPage.tsx";
import { QuickEncounterPage } from "./QuickEncounterPage.tsx";
import { VenuesPage } from "./VenuesPage.tsx";

export const fieldWorkRoutes: RouteDefinition[] = [
  { path: "/rencontres/nouvelle", component: QuickEncounterPage },
  { path: "/accompagnements", component: AccompanimentsPage },
  { path: "/milieux", component: VenuesPage },
];

const fieldWorker = (me: Parameters<NavEntry["visible"]>[0]) => hasRole(me, "OUTREACH_WORKER", "COORDINATOR");

export const fieldWorkNavEntries: NavEntry[] = [
  { to: "/rencontres/nouvelle", label: "encounter.nav", visible: fieldWorker },
  { to: "/accompagnements", label: "accompaniments.nav", visible: fieldWorker },
  { to: "/milieux", label: "venues.nav", visible: fieldWorker },
];
