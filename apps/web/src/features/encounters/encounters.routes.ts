import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { QuickEncounterPage } from "./QuickEncounterPage.tsx";

export const encounterRoutes: RouteDefinition[] = [
  { path: "/rencontres/nouvelle", component: QuickEncounterPage },
];

export const encounterNavEntries: NavEntry[] = [
  { to: "/rencontres/nouvelle", label: "encounter.nav", visible: (me) => mayWrite(me, "ENCOUNTER") },
];
