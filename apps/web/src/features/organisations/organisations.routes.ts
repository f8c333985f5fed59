import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { TeamPage } from "./TeamPage.tsx";

export const organisationRoutes: RouteDefinition[] = [{ path: "/equipe", component: TeamPage }];

export const organisationNavEntries: NavEntry[] = [
  { to: "/equipe", label: "nav.team", visible: (me) => mayTake(me, "MANAGE_MEMBERS") },
];
