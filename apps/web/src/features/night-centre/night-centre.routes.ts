import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { EveningPage, NightCentrePage } from "./NightCentrePage.tsx";
import { nightCentrePath } from "./night-centre.paths.ts";

export const nightCentreRoutes: RouteDefinition[] = [
  { path: nightCentrePath, component: NightCentrePage },
  { path: `${nightCentrePath}/soirees/:id`, component: EveningPage },
];

/** Outreach workers and coordinators (the registry's writers of NIGHT_CENTRE_EVENING). */
export const nightCentreNavEntries: NavEntry[] = [
  { to: nightCentrePath, label: "night.nav", visible: (me) => mayWrite(me, "NIGHT_CENTRE_EVENING") },
];
