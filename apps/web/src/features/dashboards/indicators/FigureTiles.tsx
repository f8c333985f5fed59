/** Headline figures: the value, the previous period's, and the change ("x" when hidden, 0 shown). */
import { useT } from "../../../app/i18n/index.tsx";
import {
  difference,
  formatSigned,
  formatSignedShare,
  type IndicatorFigureView,
  shown,
} from "./indicators-model.ts";
import { Value } from "./Value.tsx";

export function FigureTiles({
  figures,
  withPrevious,
}: {
  figures: IndicatorFigureView[];
  withPrevious: boolean;
}) {
  const { t, intl } = useT();
  if (figures.length === 0) return null;
  return (
    <dl className="tiles indicator-tiles">
      {figures.map((figure) => {
        const change = difference(figure.value, figure.previousValue);
        return (
          <div key={figure.name} className="card indicator-tile">
            <dt className="small muted">{figure.title}</dt>
            <dd className="tile__value">
              <Value value={shown(figure.value)} />
            </dd>
            {withPrevious ? (
              <dd className="small">
                {t("indicators.figure.previous", { value: "" })}
                <Value value={shown(figure.previousValue)} />
              </dd>
            ) : null}
            {withPrevious ? (
              <dd className="small muted">
                {change === null
                  ? t("indicators.figure.noChange")
                  : change.relative === null
                    ? t("indicators.figure.change", { change: formatSigned(change.change, intl.locale) })
                    : t("indicators.figure.changeShare", {
                        change: formatSigned(change.change, intl.locale),
                        share: formatSignedShare(change.relative, intl.locale),
                      })}
              </dd>
            ) : null}
            <dd className="small">
              <details>
                <summary>{t("indicators.figure.definition")}</summary>
                <p className="muted">{figure.definition}</p>
              </details>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
