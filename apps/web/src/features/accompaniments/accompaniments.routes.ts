import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { AccompanimentsPage } from "./AccompanimentsPage.tsx";

export const accompanimentRoutes: RouteDefinition[] = [
  { path: "/accompagnements", component: AccompanimentsPage },
];

export const accompanimentNavEntries: NavEntry[] = [
  {
    to: "/accompagnements",
    label: "accompaniments.nav",
    visible: (me) => mayWrite(me, "ACCOMPANIMENT"),
  },
];
