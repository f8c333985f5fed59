import { mayRead } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { SafetyAlertsPage } from "./SafetyAlertsPage.tsx";

export const safetyAlertRoutes: RouteDefinition[] = [{ path: "/alertes", component: SafetyAlertsPage }];

export const safetyAlertNavEntries: NavEntry[] = [
  {
    to: "/alertes",
    label: "nav.safetyAlerts",
    visible: (me) => mayRead(me, "SAFETY_ALERT"),
  },
];
