import { useT } from "../../app/i18n/index.tsx";

/**
 * A count, or the mark of a suppressed one (null): the same mark for every suppressed cell, small
 * or hidden beside a small one, so that the mark itself says nothing of the hidden number.
 */
export function Count({ value }: { value: number | null }) {
  const { t, formatNumber } = useT();
  if (value === null) {
    return (
      <span className="badge">
        <span aria-hidden="true">{t("dashboard.suppressedMark")}</span>
        <span className="visually-hidden">{t("dashboard.suppressedCell")}</span>
      </span>
    );
  }
  return <>{formatNumber(value)}</>;
}
