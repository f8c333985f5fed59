/**
 * The night centre's intake forms in the indicators: how many were made in the period and, for
 * each of the form's seven domains, how many had no need, a long-term one, an immediate one, or
 * were not asked. Each domain's table holds every intake of the period (the "not asked" cell
 * included), so its cells add up to the intakes made — a partition the protection knows.
 */
import { type IntakeDomainName, intakeDomains, intakeNeedLevels } from "../night-centre.ts";
import type { Bilingual } from "./published.ts";
import type { IndicatorFigureDefinition, IndicatorTableDefinition } from "./registry.ts";

/** The cell of the intakes where a domain was left empty. */
export const intakeNotAsked = "NOT_ASKED";

const domainTitles: Record<IntakeDomainName, Bilingual> = {
  HOUSING: { fr: "Logement", en: "Housing" },
  HEALTH: { fr: "Santé", en: "Health" },
  SUBSTANCE_USE: { fr: "Consommation", en: "Substance use" },
  JUSTICE: { fr: "Judiciaire", en: "Legal" },
  INCOME: { fr: "Revenu", en: "Income" },
  EMPLOYMENT: { fr: "Emploi", en: "Employment" },
  SAFETY: { fr: "Sécurité", en: "Safety" },
};

const levelLabels: Record<(typeof intakeNeedLevels)[number] | typeof intakeNotAsked, Bilingual> = {
  NONE: { fr: "Aucun besoin", en: "No need" },
  LONG_TERM: { fr: "Besoin à long terme", en: "Long-term need" },
  IMMEDIATE: { fr: "Besoin immédiat", en: "Immediate need" },
  NOT_ASKED: { fr: "Non demandé", en: "Not asked" },
};

export const intakeFigureDefinitions: readonly IndicatorFigureDefinition[] = [
  {
    name: "intakesMade",
    section: "nightCentre",
    unit: "intakes",
    additive: true,
    totalId: null,
    title: { fr: "Formulaires d'accueil remplis", en: "Intake forms filled in" },
    definition: {
      fr: "Formulaires d'accueil remplis à une première visite au centre de nuit, datés dans la période (un par personne et par organisme).",
      en: "Intake forms filled in at a first night-centre visit, dated in the period (one per person and organisation).",
    },
  },
];

/** The table of a domain: `intakeNeeds` + the domain's code (intakeNeedsHOUSING…). */
export function intakeTableName(domain: IntakeDomainName): string {
  return `intakeNeeds${domain}`;
}

export const intakeTableDefinitions: readonly IndicatorTableDefinition[] = intakeDomains.map((domain) => ({
  name: intakeTableName(domain),
  section: "nightCentre",
  unit: "intakes",
  additive: true,
  partition: true,
  overlapping: false,
  totalId: "intakesMade",
  keys: {
    kind: "fixed",
    keys: ([...intakeNeedLevels, intakeNotAsked] as const).map((key) => ({ key, label: levelLabels[key] })),
  },
  title: {
    fr: `Besoins notés à l'accueil : ${domainTitles[domain].fr.toLowerCase()}`,
    en: `Needs noted at intake: ${domainTitles[domain].en.toLowerCase()}`,
  },
  definition: {
    fr: `Formulaires d'accueil de la période selon le besoin noté pour le domaine « ${domainTitles[domain].fr} » ; « non demandé » quand la question est restée vide.`,
    en: `Intake forms of the period by the need noted for the domain "${domainTitles[domain].en}"; "not asked" when the question was left empty.`,
  },
}));

/** What app.intake_indicators answers, as figures and tables of the indicators. */
export function intakeValues(counts: { assessed: number; needs: Record<string, Record<string, number>> }): {
  figures: Record<string, number>;
  tables: Record<string, Record<string, number>>;
} {
  const tables = Object.fromEntries(
    intakeDomains.map((domain) => {
      const answered = counts.needs[domain] ?? {};
      const table: Record<string, number> = Object.fromEntries(
        intakeNeedLevels.map((level) => [level, answered[level] ?? 0]),
      );
      table[intakeNotAsked] = counts.assessed - Object.values(table).reduce((sum, n) => sum + n, 0);
      return [intakeTableName(domain), table];
    }),
  );
  return { figures: { intakesMade: counts.assessed }, tables };
}
