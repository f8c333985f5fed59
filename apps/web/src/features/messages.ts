import { defineMessages } from "../app/i18n/catalogue.ts";
import { accompanimentMessages } from "./accompaniments/messages.ts";
import { accountMessages } from "./account/messages.ts";
import { auditMessages } from "./audit/messages.ts";
import { catalogueMessages } from "./catalogues/messages.ts";
import { indicatorMessages } from "./dashboards/indicators/messages.ts";
import { dashboardMessages } from "./dashboards/messages.ts";
import { deliveryMessages } from "./deliveries/messages.ts";
import { encounterMessages } from "./encounters/messages.ts";
import { homeMessages } from "./home/messages.ts";
import { importMessages } from "./imports/messages.ts";
import { lineMessages } from "./line/messages.ts";
import { materialStockMessages } from "./material-stock/messages.ts";
import { nightCentreMessages } from "./night-centre/messages.ts";
import { nurseVisitMessages } from "./nurse-visits/messages.ts";
import { offlineQueueMessages } from "./offline-queue/messages.ts";
import { organisationMessages } from "./organisations/messages.ts";
import { partnershipMessages } from "./partnerships/messages.ts";
import { personMessages } from "./persons/messages.ts";
import { privacyMessages } from "./privacy/messages.ts";
import { programmeSettingsMessages } from "./programme-settings/messages.ts";
import { recordDateMessages } from "./record-dates/messages.ts";
import { referralMessages } from "./referrals/messages.ts";
import { safetyAlertMessages } from "./safety-alerts/messages.ts";
import { shiftReportMessages } from "./shift-reports/messages.ts";
import { venueMessages } from "./venues/messages.ts";
import { workshopMessages } from "./workshops/messages.ts";

// Each feature's catalogue, merged into the app's (app/i18n). Add a feature's messages here.
export const featureMessages = [
  defineMessages({}, {}),
  dashboardMessages,
  accountMessages,
  indicatorMessages,
  homeMessages,
  encounterMessages,
  lineMessages,
  deliveryMessages,
  offlineQueueMessages,
  accompanimentMessages,
  venueMessages,
  shiftReportMessages,
  nightCentreMessages,
  materialStockMessages,
  workshopMessages,
  catalogueMessages,
  importMessages,
  nurseVisitMessages,
  personMessages,
  referralMessages,
  safetyAlertMessages,
  partnershipMessages,
  programmeSettingsMessages,
  privacyMessages,
  recordDateMessages,
  auditMessages,
  organisationMessages,
] as const;
