/**
 * The figures of one scope and period: where they come from, the section links, then each section
 * with its headline tiles, its monthly trend and its distributions (chart and table).
 */
import { useT } from "../../../app/i18n/index.tsx";
import { FigureTiles } from "./FigureTiles.tsx";
import { DistributionCard, MonthlyCard } from "./IndicatorCards.tsx";
import { type IndicatorsView as Indicators, sectionAnchor, sectionsOf } from "./indicators-model.ts";
import { SectionNav, useSectionTitle } from "./SectionNav.tsx";
import { SnapshotStatement } from "./SnapshotStatement.tsx";
import "./indicators.css";

export function IndicatorsView({ indicators }: { indicators: Indicators }) {
  const { t } = useT();
  const sectionTitle = useSectionTitle();
  const sections = sectionsOf(indicators);
  const periodLabel = indicators.period.label;
  const previousLabel = indicators.previous?.label ?? null;
  return (
    <div className="indicators">
      <SnapshotStatement indicators={indicators} />
      <SectionNav sections={sections} />
      {sections.length === 0 ? <p className="muted">{t("indicators.none")}</p> : null}
      {sections.map((content) => {
        const anchor = sectionAnchor(content.section);
        return (
          <section key={content.section} className="indicator-section" aria-labelledby={anchor}>
            <h2 id={anchor} tabIndex={-1}>
              {sectionTitle(content)}
            </h2>
            {content.known === "persons" ? (
              <p className="small muted">
                {t("indicators.followUp", { count: indicators.followUpMinEncounters })}
              </p>
            ) : null}
            <FigureTiles figures={content.figures} withPrevious={previousLabel !== null} />
            {content.monthly ? (
              <MonthlyCard monthly={indicators.monthly} threshold={indicators.threshold} />
            ) : null}
            <div className="indicator-grid">
              {content.tables.map((table) => (
                <DistributionCard
                  key={table.name}
                  table={table}
                  periodLabel={periodLabel}
                  previousLabel={previousLabel}
                  threshold={indicators.threshold}
                />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
