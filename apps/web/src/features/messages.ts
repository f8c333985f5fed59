import { defineMessages } from "../app/i18n/catalogue.ts";

// Each feature's catalogue, merged into the app's (app/i18n). Add a feature's messages here.
export const featureMessages = [defineMessages({}, {})] as const;
