import type { NavEntry, RouteDefinition } from "../routes.ts";
import { securityPath } from "./account-paths.ts";
import { SecurityPage } from "./SecurityPage.tsx";

export const accountRoutes: RouteDefinition[] = [{ path: securityPath, component: SecurityPage }];

export const accountNavEntries: NavEntry[] = [
  // Everyone signed in manages her own sign-in (two-step sign-in is optional for most roles).
  { to: securityPath, label: "account.nav", visible: () => true },
];
