import { defineMessages } from "../../app/i18n/catalogue.ts";

export const programmeSettingsMessages = defineMessages(
  {
    "settings.nav": "Réglages",
    "settings.title": "Réglages du programme",
    "settings.intro":
      "Le fuseau horaire où se comptent les journées, les plages de visites et les indicateurs, le mois où commence l'année financière, et la façon d'écrire les dates et les nombres. L'écran reste en français ou en anglais, au choix de chaque personne.",
    "settings.organisation.title": "Votre organisme : {name}",
    "settings.organisation.hint":
      "Ce que voient ses membres : la journée de l'accueil, les plages des visites conjointes, les dates des écrans et les indicateurs de l'organisme.",
    "settings.partnership.title": "Partenariat : {name}",
    "settings.partnership.hint":
      "Les indicateurs du comité de suivi suivent ces réglages. Les changer ne change pas ceux des organismes membres.",
    "settings.partnership.none": "Votre organisme ne fait partie d'aucun partenariat.",
    "settings.differs": "Les réglages de votre organisme diffèrent de ceux de ce partenariat.",
    "settings.copyToOrganisation": "Reprendre ces réglages pour mon organisme",
    "settings.copied":
      "Les réglages du partenariat sont dans le formulaire de votre organisme : enregistrez-le pour les appliquer.",
    "settings.timeZone": "Fuseau horaire",
    "settings.timeZone.hint": "America/Toronto pour le Québec, Europe/Brussels pour la Wallonie.",
    "settings.timeZone.suggested": "Fuseaux courants",
    "settings.timeZone.all": "Tous les fuseaux",
    "settings.fiscalYearStartMonth": "Début de l'année financière",
    "settings.fiscalYearStartMonth.hint":
      "L'année commence le 1er de ce mois : avril pour les bailleurs de fonds du Québec, janvier pour une année civile.",
    "settings.month": "1er {month}",
    "settings.locale": "Dates et nombres",
    "settings.locale.hint": "Les dates et les nombres suivent les usages de ce pays : l'aperçu les montre.",
    "settings.preview": "Aperçu : {date} · {number}",
    "settings.followUp": "Suivi régulier : rencontrée au moins N fois dans la période",
    "settings.followUp.hint":
      "Le nombre N, de {min} à {max} : les indicateurs comptent en suivi régulier une personne rencontrée au moins ce nombre de fois dans la période choisie (année, trimestre ou dates).",
    "settings.save.organisation": "Enregistrer les réglages de l'organisme",
    "settings.save.partnership": "Enregistrer les réglages du partenariat",
    "settings.saving": "Enregistrement…",
    "settings.saved.organisation": "Réglages de l'organisme enregistrés.",
    "settings.saved.partnership": "Réglages du partenariat enregistrés.",
    "settings.startDate.title": "Date de début de l’organisme",
    "settings.startDate.hint":
      "Les rencontres, accompagnements, soirées, livraisons, ateliers, consentements et rapports de quart se datent à partir de ce jour, jusqu’à aujourd’hui : reculez-la pour saisir l’historique de l’organisme (ses feuilles de compilation des années passées). Une saisie faite plus de 3 jours après les faits est marquée « saisie tardive ».",
    "settings.startDate": "Date de début",
    "settings.startDate.earliest":
      "La fiche la plus ancienne est datée du {date} : la date de début ne peut pas être après.",
    "settings.startDate.noRecord": "Aucune fiche datée pour l’instant.",
    "settings.startDate.save": "Enregistrer la date de début",
    "settings.startDate.saved": "Date de début enregistrée.",
  },
  {
    "settings.nav": "Settings",
    "settings.title": "Programme settings",
    "settings.intro":
      "The time zone days, visit slots and indicators are counted in, the month the fiscal year starts, and how dates and numbers are written. The screen stays in French or English, as each person chooses.",
    "settings.organisation.title": "Your organisation: {name}",
    "settings.organisation.hint":
      "What its members see: the home screen's day, joint-visit slots, the dates on every screen and the organisation's indicators.",
    "settings.partnership.title": "Partnership: {name}",
    "settings.partnership.hint":
      "The follow-up committee's indicators follow these settings. Changing them does not change the member organisations' own.",
    "settings.partnership.none": "Your organisation is not part of any partnership.",
    "settings.differs": "Your organisation's settings differ from this partnership's.",
    "settings.copyToOrganisation": "Use these settings for my organisation",
    "settings.copied": "The partnership's settings are in your organisation's form: save it to apply them.",
    "settings.timeZone": "Time zone",
    "settings.timeZone.hint": "America/Toronto for Québec, Europe/Brussels for Wallonia.",
    "settings.timeZone.suggested": "Common time zones",
    "settings.timeZone.all": "All time zones",
    "settings.fiscalYearStartMonth": "Fiscal year starts",
    "settings.fiscalYearStartMonth.hint":
      "The year starts on the 1st of this month: April for Québec's funders, January for a calendar year.",
    "settings.month": "1 {month}",
    "settings.locale": "Dates and numbers",
    "settings.locale.hint": "Dates and numbers follow this country's conventions: the preview shows them.",
    "settings.preview": "Preview: {date} · {number}",
    "settings.followUp": "Regular follow-up: met at least N times in the period",
    "settings.followUp.hint":
      "The number N, from {min} to {max}: the indicators count a person as in regular follow-up when she was met at least this many times in the period chosen (year, quarter or dates).",
    "settings.save.organisation": "Save the organisation's settings",
    "settings.save.partnership": "Save the partnership's settings",
    "settings.saving": "Saving…",
    "settings.saved.organisation": "The organisation's settings are saved.",
    "settings.saved.partnership": "The partnership's settings are saved.",
    "settings.startDate.title": "The organisation’s start date",
    "settings.startDate.hint":
      "Encounters, accompaniments, evenings, deliveries, workshops, consents and shift reports are dated from this day up to today: move it back to enter the organisation’s history (its tally sheets of past years). An entry made more than 3 days after the fact is marked “late entry”.",
    "settings.startDate": "Start date",
    "settings.startDate.earliest":
      "The earliest record is dated {date}: the start date cannot be later than that.",
    "settings.startDate.noRecord": "No dated record yet.",
    "settings.startDate.save": "Save the start date",
    "settings.startDate.saved": "Start date saved.",
  },
);
