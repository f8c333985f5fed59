import { defineMessages } from "../app/i18n/catalogue.ts";
import { auditMessages } from "./audit/messages.ts";
import { dashboardMessages } from "./dashboards/messages.ts";
import { fieldWorkMessages } from "./field-work/messages.ts";
import { jointVisitMessages } from "./joint-visits/messages.ts";
import { partnershipMessages } from "./partnerships/messages.ts";
import { personMessages } from "./persons/messages.ts";
import { referralMessages } from "./referrals/messages.ts";
import { safetyAlertMessages } from "./safety-alerts/messages.ts";

// Each feature's catalogue, merged into the app's (app/i18n). Add a feature's messages here.
export const featureMessages = [
  defineMessages({}, {}),
  dashboardMessages,
  fieldWorkMessages,
  jointVisitMessages,
  personMessages,
  referralMessages,
  safetyAlertMessages,
  partnershipMessages,
  auditMessages,
] as const;
