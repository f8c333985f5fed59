import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { LineEntryPage } from "./LineEntryPage.tsx";

export const linePath = "/ligne";

export const lineRoutes: RouteDefinition[] = [{ path: linePath, component: LineEntryPage }];

// The line's contacts are encounters: whoever records them (outreach workers, coordinators).
export const lineNavEntries: NavEntry[] = [
  { to: linePath, label: "line.nav", visible: (me) => mayWrite(me, "ENCOUNTER") },
];
