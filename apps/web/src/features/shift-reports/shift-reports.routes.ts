import { mayWrite } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { ShiftLogPage } from "./ShiftLogPage.tsx";

export const shiftLogPath = "/journal-de-quart";

export const shiftReportRoutes: RouteDefinition[] = [{ path: shiftLogPath, component: ShiftLogPage }];

export const shiftReportNavEntries: NavEntry[] = [
  { to: shiftLogPath, label: "shift.nav", visible: (me) => mayWrite(me, "SHIFT_REPORT") },
];
