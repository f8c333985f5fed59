/** Where the figures come from: a nightly snapshot with small values hidden, or live and exact. */
import { useT } from "../../../app/i18n/index.tsx";
import type { IndicatorsView } from "./indicators-model.ts";

export function SnapshotStatement({ indicators }: { indicators: IndicatorsView }) {
  const { t, formatDateTime } = useT();
  if (indicators.asOf === null && !indicators.suppressed)
    return (
      <p className="muted" role="note">
        {t("indicators.live")}
      </p>
    );
  return (
    <p className="alert alert--warn" role="note">
      {t("indicators.snapshot", {
        asOf: indicators.asOf ? formatDateTime(indicators.asOf, { timeZone: indicators.timeZone }) : "—",
        max: indicators.threshold - 1,
      })}
    </p>
  );
}
