import { mayTake } from "../auth/session.ts";
import type { NavEntry, RouteDefinition } from "../routes.ts";
import { ProgrammeSettingsPage } from "./ProgrammeSettingsPage.tsx";

export const programmeSettingsPath = "/reglages";

export const programmeSettingsRoutes: RouteDefinition[] = [
  { path: programmeSettingsPath, component: ProgrammeSettingsPage },
];

export const programmeSettingsNavEntries: NavEntry[] = [
  {
    to: programmeSettingsPath,
    label: "settings.nav",
    visible: (me) => mayTake(me, "EDIT_PROGRAMME_SETTINGS"),
  },
];
