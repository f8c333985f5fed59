import { defineMessages } from "../../app/i18n/catalogue.ts";

export const recordDateMessages = defineMessages(
  {
    "recordDates.when": "Quand ?",
    "recordDates.today": "Aujourd’hui",
    "recordDates.yesterday": "Hier",
    "recordDates.now": "Remettre à maintenant",
    "recordDates.day": "Jour",
    "recordDates.time": "Heure",
    "recordDates.nowHint": "Maintenant, si vous ne changez rien.",
    "recordDates.rule":
      "Au plus tôt le {start, date, day} (date de début de l’organisme), au plus tard maintenant.",
    "recordDates.ruleUnknown": "Au plus tard maintenant.",
    "recordDates.dayRule":
      "Au plus tôt le {start, date, day} (date de début de l’organisme), au plus tard aujourd’hui.",
    "recordDates.willBeLate": "Plus de 3 jours après : elle sera marquée « saisie tardive ».",
    "recordDates.lateEntry": "Saisie tardive",
    "recordDates.lateEntryOn": "Saisie tardive — saisie le {date}",
  },
  {
    "recordDates.when": "When?",
    "recordDates.today": "Today",
    "recordDates.yesterday": "Yesterday",
    "recordDates.now": "Back to now",
    "recordDates.day": "Date",
    "recordDates.time": "Time",
    "recordDates.nowHint": "Now, unless you change it.",
    "recordDates.rule":
      "No earlier than {start, date, day} (the organisation’s start date), no later than now.",
    "recordDates.ruleUnknown": "No later than now.",
    "recordDates.dayRule":
      "No earlier than {start, date, day} (the organisation’s start date), today at the latest.",
    "recordDates.willBeLate": "More than 3 days after: it will be marked “late entry”.",
    "recordDates.lateEntry": "Late entry",
    "recordDates.lateEntryOn": "Late entry — entered on {date}",
  },
);
