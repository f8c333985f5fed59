import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { IncidentRegisterPage } from "./IncidentRegisterPage.tsx";
import { PrivacyPage } from "./PrivacyPage.tsx";
import { incidentRegisterPath, privacyPath } from "./privacy-paths.ts";

export const privacyRoutes: RouteDefinition[] = [
  { path: privacyPath, component: PrivacyPage },
  { path: incidentRegisterPath, component: IncidentRegisterPage },
];

export const privacyNavEntries: NavEntry[] = [
  {
    to: privacyPath,
    label: "privacy.nav",
    visible: (me) => mayTake(me, "MANAGE_PRIVACY") || mayTake(me, "KEEP_INCIDENT_REGISTER"),
  },
];
