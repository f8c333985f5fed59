import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { CataloguePage, cataloguePath } from "./CataloguePage.tsx";

export const catalogueRoutes: RouteDefinition[] = [{ path: cataloguePath, component: CataloguePage }];

export const catalogueNavEntries: NavEntry[] = [
  { to: cataloguePath, label: "catalogue.nav", visible: (me) => mayTake(me, "EDIT_CATALOGUES") },
];
