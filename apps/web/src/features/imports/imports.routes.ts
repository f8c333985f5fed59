import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { ImportPage, importPath } from "./ImportPage.tsx";

export const importRoutes: RouteDefinition[] = [{ path: importPath, component: ImportPage }];

export const importNavEntries: NavEntry[] = [
  {
    to: importPath,
    label: "imports.nav",
    visible: (me) => mayTake(me, "IMPORT_RECORDS") || mayTake(me, "EXPORT_RECORDS"),
  },
];
