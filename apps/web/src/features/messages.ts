import { defineMessages } from "../app/i18n/catalogue.ts";
import { accompanimentMessages } from "./accompaniments/messages.ts";
import { auditMessages } from "./audit/messages.ts";
import { dashboardMessages } from "./dashboards/messages.ts";
import { encounterMessages } from "./encounters/messages.ts";
import { homeMessages } from "./home/messages.ts";
import { materialStockMessages } from "./material-stock/messages.ts";
import { nurseVisitMessages } from "./nurse-visits/messages.ts";
import { offlineQueueMessages } from "./offline-queue/messages.ts";
import { organisationMessages } from "./organisations/messages.ts";
import { partnershipMessages } from "./partnerships/messages.ts";
import { personMessages } from "./persons/messages.ts";
import { referralMessages } from "./referrals/messages.ts";
import { safetyAlertMessages } from "./safety-alerts/messages.ts";
import { venueMessages } from "./venues/messages.ts";

// Each feature's catalogue, merged into the app's (app/i18n). Add a feature's messages here.
export const featureMessages = [
  defineMessages({}, {}),
  dashboardMessages,
  homeMessages,
  encounterMessages,
  offlineQueueMessages,
  accompanimentMessages,
  venueMessages,
  materialStockMessages,
  nurseVisitMessages,
  personMessages,
  referralMessages,
  safetyAlertMessages,
  partnershipMessages,
  auditMessages,
  organisationMessages,
] as const;
