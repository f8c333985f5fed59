import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { VenuesPage } from "./VenuesPage.tsx";

export const venueRoutes: RouteDefinition[] = [{ path: "/milieux", component: VenuesPage }];

export const venueNavEntries: NavEntry[] = [
  { to: "/milieux", label: "venues.nav", visible: (me) => mayRead(me, "VENUE") },
];
