/**
 * The registry's figures and tables (@maillage/domain/indicators registry.ts) as publish.ts reads
 * them: each table's keys in order with their labels in both languages, and what its shares are
 * taken of (the headline figure that is its total).
 */

import type { TransactionClient } from "@maillage/db";
import {
  type Bilingual,
  type IndicatorFigureDefinition,
  type IndicatorTableDefinition,
  intakeFigureDefinitions,
  intakeTableDefinitions,
  intakeValues,
  indicatorFigures as registryFigures,
  indicatorTables as registryTables,
} from "@maillage/domain/indicators";
import { vocabularyLabels } from "@maillage/domain/record-shapes";
import type { FigureDefinition, IndicatorDefinitions, RangeValues, TableDefinition } from "./publish.ts";

const indicatorFigures: readonly IndicatorFigureDefinition[] = [
  ...registryFigures,
  ...intakeFigureDefinitions,
];
const indicatorTables: readonly IndicatorTableDefinition[] = [...registryTables, ...intakeTableDefinitions];

const figureTitles = new Map<string, Bilingual>(indicatorFigures.map((f) => [f.name, f.title]));

function keysOf(table: IndicatorTableDefinition): TableDefinition["keys"] {
  const keys = table.keys;
  switch (keys.kind) {
    case "vocabulary":
      return keys.codes.map((code) => ({
        key: code,
        label: {
          fr: (vocabularyLabels.fr[keys.vocabulary] as Record<string, string>)[code] ?? code,
          en: (vocabularyLabels.en[keys.vocabulary] as Record<string, string>)[code] ?? code,
        },
      }));
    case "fixed":
      return keys.keys;
    case "catalogue":
      // The organisations' own codes: the values name them (with the catalogue's labels).
      return null;
  }
}

export const registryDefinitions: IndicatorDefinitions = {
  figures: indicatorFigures.map(
    (f): FigureDefinition => ({
      name: f.name,
      section: f.section,
      title: f.title,
      definition: f.definition,
      unit: f.unit,
      additive: f.additive,
      acrossRanges: f.acrossRanges,
    }),
  ),
  tables: indicatorTables.map(
    (t): TableDefinition => ({
      name: t.name,
      section: t.section,
      title: t.title,
      definition: t.definition,
      unit: t.unit,
      additive: t.additive,
      partition: t.partition,
      cellsAcrossRanges: t.cellsAcrossRanges,
      overlapping: t.overlapping,
      totalId: t.totalId,
      denominator: figureTitles.get(t.totalId) ?? null,
      keys: keysOf(t),
    }),
  ),
};

/**
 * What the catalogue codes of these organisations are called, [fr, en] (the first organisation's
 * names when two differ): materials, services and platforms are counted by code across a
 * partnership. Names only, no count.
 */
export async function catalogueLabels(
  tx: TransactionClient,
  organisationIds: readonly string[],
): Promise<Record<string, [string, string]>> {
  const rows = await tx.$queryRaw<{ code: string; label_fr: string; label_en: string }[]>`
    SELECT DISTINCT ON (code) code, label_fr, label_en FROM catalogue_entries
     WHERE organisation_id = ANY (${organisationIds}::uuid[])
     ORDER BY code, created_at, organisation_id`;
  return Object.fromEntries(rows.map((row) => [row.code, [row.label_fr, row.label_en]]));
}

/** What app.intake_indicators answers for a range. */
export interface IntakeCounts {
  assessed: number;
  needs: Record<string, Record<string, number>>;
}

/** One range's counts: app.indicator_figures' (or the organisation's wrapper's) and the intakes'. */
export function withIntakes(values: RangeValues, intakes: IntakeCounts | null): RangeValues {
  const intake = intakeValues(intakes ?? { assessed: 0, needs: {} });
  return {
    ...values,
    figures: { ...values.figures, ...intake.figures },
    tables: { ...values.tables, ...intake.tables },
  };
}
