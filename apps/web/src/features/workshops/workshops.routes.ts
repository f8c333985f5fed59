import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { WorkshopsPage } from "./WorkshopsPage.tsx";

export const workshopsPath = "/ateliers";

export const workshopRoutes: RouteDefinition[] = [{ path: workshopsPath, component: WorkshopsPage }];

export const workshopNavEntries: NavEntry[] = [
  { to: workshopsPath, label: "workshops.nav", visible: (me) => mayWrite(me, "WORKSHOP") },
];
