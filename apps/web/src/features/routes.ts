import type { ComponentType } from "react";
import type { MessageKey } from "../app/i18n/index.tsx";
import { accompanimentNavEntries, accompanimentRoutes } from "./accompaniments/accompaniments.routes.ts";
import { accountNavEntries, accountRoutes } from "./account/account.routes.ts";
import { auditNavEntries, auditRoutes } from "./audit/audit.routes.ts";
import type { Me } from "./auth/session.ts";
import { catalogueNavEntries, catalogueRoutes } from "./catalogues/catalogues.routes.ts";
import { dashboardNavEntries, dashboardRoutes } from "./dashboards/dashboards.routes.ts";
import { deliveryNavEntries, deliveryRoutes } from "./deliveries/deliveries.routes.ts";
import { encounterNavEntries, encounterRoutes } from "./encounters/encounters.routes.ts";
import { HomePage } from "./home/HomePage.tsx";
import { importNavEntries, importRoutes } from "./imports/imports.routes.ts";
import { lineNavEntries, lineRoutes } from "./line/line.routes.ts";
import { materialStockNavEntries, materialStockRoutes } from "./material-stock/material-stock.routes.ts";
import { nightCentreNavEntries, nightCentreRoutes } from "./night-centre/night-centre.routes.ts";
import { nurseVisitNavEntries, nurseVisitRoutes } from "./nurse-visits/nurse-visits.routes.ts";
import { offlineQueueRoutes } from "./offline-queue/offline-queue.routes.ts";
import { organisationNavEntries, organisationRoutes } from "./organisations/organisations.routes.ts";
import { partnershipNavEntries, partnershipRoutes } from "./partnerships/partnerships.routes.ts";
import { personNavEntries, personRoutes } from "./persons/persons.routes.ts";
import { privacyNavEntries, privacyRoutes } from "./privacy/privacy.routes.ts";
import {
  programmeSettingsNavEntries,
  programmeSettingsRoutes,
} from "./programme-settings/programme-settings.routes.ts";
import { referralNavEntries, referralRoutes } from "./referrals/referrals.routes.ts";
import { safetyAlertNavEntries, safetyAlertRoutes } from "./safety-alerts/safety-alerts.routes.ts";
import { shiftReportNavEntries, shiftReportRoutes } from "./shift-reports/shift-reports.routes.ts";
import { venueNavEntries, venueRoutes } from "./venues/venues.routes.ts";
import { workshopNavEntries, workshopRoutes } from "./workshops/workshops.routes.ts";

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
  ...accountRoutes,
  ...personRoutes,
  ...encounterRoutes,
  ...lineRoutes,
  ...deliveryRoutes,
  ...offlineQueueRoutes,
  ...accompanimentRoutes,
  ...venueRoutes,
  ...shiftReportRoutes,
  ...nightCentreRoutes,
  ...materialStockRoutes,
  ...workshopRoutes,
  ...catalogueRoutes,
  ...importRoutes,
  ...nurseVisitRoutes,
  ...referralRoutes,
  ...safetyAlertRoutes,
  ...partnershipRoutes,
  ...programmeSettingsRoutes,
  ...privacyRoutes,
  ...auditRoutes,
  ...organisationRoutes,
];

export const navEntries: NavEntry[] = [
  { to: "/", label: "nav.home", visible: () => true },
  ...encounterNavEntries,
  ...lineNavEntries,
  ...deliveryNavEntries,
  ...personNavEntries,
  ...accompanimentNavEntries,
  ...venueNavEntries,
  ...shiftReportNavEntries,
  ...nightCentreNavEntries,
  ...materialStockNavEntries,
  ...workshopNavEntries,
  ...catalogueNavEntries,
  ...importNavEntries,
  ...nurseVisitNavEntries,
  ...dashboardNavEntries,
  ...referralNavEntries,
  ...safetyAlertNavEntries,
  ...partnershipNavEntries,
  ...programmeSettingsNavEntries,
  ...privacyNavEntries,
  ...auditNavEntries,
  ...organisationNavEntries,
  ...accountNavEntries,
];
