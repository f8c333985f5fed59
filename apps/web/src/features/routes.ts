import type { ComponentType } from "react";
import type { MessageKey } from "../app/i18n/index.tsx";
import { accompanimentNavEntries, accompanimentRoutes } from "./accompaniments/accompaniments.routes.ts";
import { auditNavEntries, auditRoutes } from "./audit/audit.routes.ts";
import type { Me } from "./auth/session.ts";
import { dashboardNavEntries, dashboardRoutes } from "./dashboards/dashboards.routes.ts";
import { encounterNavEntries, encounterRoutes } from "./encounters/encounters.routes.ts";
import { HomePage } from "./home/HomePage.tsx";
import { materialStockNavEntries, materialStockRoutes } from "./material-stock/material-stock.routes.ts";
import { nurseVisitNavEntries, nurseVisitRoutes } from "./nurse-visits/nurse-visits.routes.ts";
import { offlineQueueRoutes } from "./offline-queue/offline-queue.routes.ts";
import { organisationNavEntries, organisationRoutes } from "./organisations/organisations.routes.ts";
import { partnershipNavEntries, partnershipRoutes } from "./partnerships/partnerships.routes.ts";
import { personNavEntries, personRoutes } from "./persons/persons.routes.ts";
import { referralNavEntries, referralRoutes } from "./referrals/referrals.routes.ts";
import { safetyAlertNavEntries, safetyAlertRoutes } from "./safety-alerts/safety-alerts.routes.ts";
import { venueNavEntries, venueRoutes } from "./venues/venues.routes.ts";

/** A screen: its path pattern, its component (given the path's parameters). */
export interface RouteDefinition {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

/** An entry of the main menu, shown to whom it concerns. */
export interface NavEntry {
  to: string;
  label: MessageKey;
  visible(me: Me): boolean;
}

// Each feature adds its screens and menu entries here.
export const routes: RouteDefinition[] = [
  { path: "/", component: HomePage },
  ...dashboardRoutes,
  ...personRoutes,
  ...encounterRoutes,
  ...offlineQueueRoutes,
  ...accompanimentRoutes,
  ...venueRoutes,
  ...materialStockRoutes,
  ...nurseVisitRoutes,
  ...referralRoutes,
  ...safetyAlertRoutes,
  ...partnershipRoutes,
  ...auditRoutes,
  ...organisationRoutes,
];

export const navEntries: NavEntry[] = [
  { to: "/", label: "nav.home", visible: () => true },
  ...encounterNavEntries,
  ...personNavEntries,
  ...accompanimentNavEntries,
  ...venueNavEntries,
  ...materialStockNavEntries,
  ...nurseVisitNavEntries,
  ...dashboardNavEntries,
  ...referralNavEntries,
  ...safetyAlertNavEntries,
  ...partnershipNavEntries,
  ...auditNavEntries,
  ...organisationNavEntries,
];
