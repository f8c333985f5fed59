/**
 * The annual report's and the indicators CSV's own wording, in French and English. The
 * indicators' titles, definitions and labels are not here: they come in PublishedIndicators,
 * already in both languages.
 */
import type { Locale } from "@maillage/domain";
import { indicatorSections, indicatorSectionTitles } from "@maillage/domain/indicators";

/** The report's parts, in their order (the registry's); a section not listed comes after them. */
export const reportSectionOrder: readonly string[] = indicatorSections;

/** Sections whose figures are the report's headline numbers (first page). */
export const headlineSections: readonly string[] = ["persons", "encounters"];

export function sectionTitle(locale: Locale, section: string): string {
  const titles: Record<string, Record<Locale, string>> = indicatorSectionTitles;
  return titles[section]?.[locale] ?? (locale === "fr" ? "Autres indicateurs" : "Other indicators");
}

export interface ReportMessages {
  documentTitle: string;
  reportKind: string;
  scopeKind: { ORGANISATION: string; PARTNERSHIP: string };
  period: string;
  previousPeriod: string;
  noPreviousPeriod: string;
  figuresAsOf: (day: string) => string;
  liveFigures: string;
  protectedFigures: (threshold: number) => string;
  exactFigures: string;
  headlines: string;
  previousValue: (period: string, value: string) => string;
  change: string;
  monthlyTrend: string;
  monthlyTrendDefinition: string;
  keyFigures: string;
  indicator: string;
  category: string;
  count: string;
  share: string;
  base: (denominator: string) => string;
  shareOf: (denominator: string) => string;
  overlapping: string;
  chartLegendCurrent: (period: string) => string;
  chartLegendPrevious: (period: string) => string;
  suppressedFootnote: (threshold: number) => string;
  page: (page: number, pages: number) => string;
  methods: string;
  methodsPeriod: (period: string, from: string, to: string, timeZone: string) => string;
  methodsPrevious: (period: string, from: string, to: string) => string;
  methodsPartnership: (name: string) => string;
  methodsOrganisation: (name: string) => string;
  methodsSnapshot: (day: string) => string;
  methodsLive: (day: string) => string;
  methodsFollowUp: (times: number) => string;
  methodsShares: string;
  methodsSuppressionTitle: string;
  methodsNoSuppression: string;
  methodsDefinitions: string;
  csvHeader: {
    section: string;
    indicator: string;
    category: string;
    count: string;
    share: string;
    previousCount: string;
    previousShare: string;
    definition: string;
  };
  csvMonthlySection: string;
  csvMonthly: { encounters: string; contacts: string; personsMet: string };
  csvBase: (denominator: string) => string;
}

export const reportMessages: Record<Locale, ReportMessages> = {
  fr: {
    documentTitle: "Rapport annuel — statistiques",
    reportKind: "Rapport annuel · Statistiques d’activité",
    scopeKind: { ORGANISATION: "Organisation", PARTNERSHIP: "Partenariat" },
    period: "Période",
    previousPeriod: "Période de comparaison",
    noPreviousPeriod: "aucune",
    figuresAsOf: (day) => `Chiffres au ${day}`,
    liveFigures: "chiffres en direct",
    protectedFigures: (threshold) =>
      `Chiffres protégés : les effectifs de 1 à ${threshold - 1} et les cellules qui permettraient de les retrouver sont masqués (x).`,
    exactFigures: "Chiffres exacts de l’organisation, destinés à ses coordinations.",
    headlines: "Chiffres clés",
    previousValue: (period, value) => `${period} : ${value}`,
    change: "Variation",
    monthlyTrend: "Rencontres par mois",
    monthlyTrendDefinition:
      "Nombre de rencontres de chaque mois de la période (mois du fuseau du programme).",
    keyFigures: "Indicateurs",
    indicator: "Indicateur",
    category: "Catégorie",
    count: "Nombre",
    share: "%",
    base: (denominator) => `Total : ${denominator}`,
    shareOf: (denominator) => `Parts calculées sur : ${denominator}.`,
    overlapping:
      "Une même unité peut figurer dans plusieurs catégories : la somme des parts peut dépasser 100 %.",
    chartLegendCurrent: (period) => period,
    chartLegendPrevious: (period) => period,
    suppressedFootnote: (threshold) =>
      `x : valeur masquée (effectif de 1 à ${threshold - 1}, ou cellule masquée pour qu’un tel effectif ne puisse être retrouvé). Voir la note méthodologique.`,
    page: (page, pages) => `Page ${page} sur ${pages}`,
    methods: "Note méthodologique",
    methodsPeriod: (period, from, to, timeZone) =>
      `Période. Les chiffres portent sur la période ${period}, du ${from} au ${to} inclusivement (jours comptés dans le fuseau horaire du programme, ${timeZone}).`,
    methodsPrevious: (period, from, to) =>
      `Comparaison. Ils sont mis en regard de la période ${period}, du ${from} au ${to}, calculée selon les mêmes définitions.`,
    methodsPartnership: (name) =>
      `Portée. Chiffres du partenariat ${name}, toutes organisations membres confondues ; une personne rencontrée par plusieurs organisations est comptée une seule fois dans les indicateurs de personnes. Aucune personne n’est nommée ni décrite individuellement dans ce rapport.`,
    methodsOrganisation: (name) =>
      `Portée. Chiffres exacts de l’organisation ${name}, destinés à ses coordinations ; aucune personne n’est nommée ni décrite individuellement dans ce rapport.`,
    methodsSnapshot: (day) =>
      `Source. Les chiffres sont tirés de l’instantané des indicateurs calculé chaque nuit, ici celui du ${day} ; un enregistrement saisi depuis n’y figure pas encore.`,
    methodsLive: (day) =>
      `Source. Les chiffres sont calculés sur les dossiers tels qu’ils étaient le ${day}.`,
    methodsFollowUp: (times) =>
      `Suivi régulier. Une personne est en suivi régulier si elle a été rencontrée au moins ${times} fois au cours de la période.`,
    methodsShares:
      "Parts. Chaque part est rapportée au total indiqué sous son tableau et arrondie à une décimale ; la somme des parts arrondies peut donc différer légèrement de 100 %. Lorsqu’une rencontre ou une personne peut relever de plusieurs catégories (thèmes, par exemple), la somme des parts peut dépasser 100 %. Une valeur nulle est imprimée 0.",
    methodsSuppressionTitle: "Protection des petits effectifs",
    methodsNoSuppression:
      "Ces chiffres ne concernent qu’une organisation et sont réservés à ses coordinations : aucun effectif n’y est masqué. Ils ne doivent pas être diffusés hors de l’organisation.",
    methodsDefinitions: "Définitions des indicateurs",
    csvHeader: {
      section: "Section",
      indicator: "Indicateur",
      category: "Catégorie",
      count: "Nombre",
      share: "Part (%)",
      previousCount: "Nombre, période précédente",
      previousShare: "Part (%), période précédente",
      definition: "Définition",
    },
    csvMonthlySection: "Évolution mensuelle",
    csvMonthly: {
      encounters: "Rencontres par mois",
      contacts: "Contacts anonymes par mois",
      personsMet: "Personnes rencontrées par mois",
    },
    csvBase: (denominator) => `Total : ${denominator}`,
  },
  en: {
    documentTitle: "Annual report — statistics",
    reportKind: "Annual report · Activity statistics",
    scopeKind: { ORGANISATION: "Organisation", PARTNERSHIP: "Partnership" },
    period: "Period",
    previousPeriod: "Compared with",
    noPreviousPeriod: "none",
    figuresAsOf: (day) => `Figures as of ${day}`,
    liveFigures: "live figures",
    protectedFigures: (threshold) =>
      `Protected figures: counts from 1 to ${threshold - 1}, and the cells that would give them away, are hidden (x).`,
    exactFigures: "The organisation’s exact figures, for its coordinators.",
    headlines: "Key figures",
    previousValue: (period, value) => `${period}: ${value}`,
    change: "Change",
    monthlyTrend: "Encounters per month",
    monthlyTrendDefinition:
      "Number of encounters in each month of the period (months in the programme’s time zone).",
    keyFigures: "Indicators",
    indicator: "Indicator",
    category: "Category",
    count: "Count",
    share: "%",
    base: (denominator) => `Total: ${denominator}`,
    shareOf: (denominator) => `Shares of: ${denominator}.`,
    overlapping: "One unit may fall in several categories: shares may add up to more than 100%.",
    chartLegendCurrent: (period) => period,
    chartLegendPrevious: (period) => period,
    suppressedFootnote: (threshold) =>
      `x: value hidden (a count from 1 to ${threshold - 1}, or a cell hidden so that such a count cannot be worked out). See the methods note.`,
    page: (page, pages) => `Page ${page} of ${pages}`,
    methods: "Methods note",
    methodsPeriod: (period, from, to, timeZone) =>
      `Period. The figures cover ${period}, from ${from} to ${to} inclusive (days counted in the programme’s time zone, ${timeZone}).`,
    methodsPrevious: (period, from, to) =>
      `Comparison. They are set beside ${period}, from ${from} to ${to}, computed with the same definitions.`,
    methodsPartnership: (name) =>
      `Scope. Figures of the partnership ${name}, all member organisations together; a person met by several organisations is counted once in the person indicators. No person is named or described individually in this report.`,
    methodsOrganisation: (name) =>
      `Scope. Exact figures of the organisation ${name}, for its coordinators; no person is named or described individually in this report.`,
    methodsSnapshot: (day) =>
      `Source. The figures come from the indicators snapshot computed every night, here the one of ${day}; a record entered since is not in it yet.`,
    methodsLive: (day) => `Source. The figures are computed from the records as they stood on ${day}.`,
    methodsFollowUp: (times) =>
      `Regular follow-up. A person is in regular follow-up when met at least ${times} times in the period.`,
    methodsShares:
      "Shares. Each share is taken of the total stated under its table and rounded to one decimal, so rounded shares may not add up to exactly 100%. Where an encounter or a person may fall in several categories (themes, for instance), shares may add up to more than 100%. A zero prints 0.",
    methodsSuppressionTitle: "Protection of small counts",
    methodsNoSuppression:
      "These figures concern one organisation and are for its coordinators only: no count is hidden. They must not be shared outside the organisation.",
    methodsDefinitions: "Definitions of the indicators",
    csvHeader: {
      section: "Section",
      indicator: "Indicator",
      category: "Category",
      count: "Count",
      share: "Share (%)",
      previousCount: "Count, previous period",
      previousShare: "Share (%), previous period",
      definition: "Definition",
    },
    csvMonthlySection: "Monthly trend",
    csvMonthly: {
      encounters: "Encounters per month",
      contacts: "Anonymous contacts per month",
      personsMet: "Persons met per month",
    },
    csvBase: (denominator) => `Total: ${denominator}`,
  },
};
