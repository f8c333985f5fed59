/**
 * A published value as a table or a tile writes it: the number, or "x" for a suppressed one — the
 * same mark for every suppressed value, small or hidden beside a small one, explained by the
 * footnote of its table and said "masqué" to a screen reader. A share is written as a percentage.
 */
import { useT } from "../../../app/i18n/index.tsx";
import { formatShare, type Shown } from "./indicators-model.ts";

export function SuppressedMark() {
  const { t } = useT();
  return (
    <>
      <span aria-hidden="true">
        <abbr title={t("indicators.markTitle")} className="indicator-mark">
          {t("dashboard.suppressedMark")}
        </abbr>
      </span>
      <span className="visually-hidden">{t("indicators.markSaid")}</span>
    </>
  );
}

/** `value` null: nothing to show (no such column); a suppressed one: the mark. */
export function Value({ value, share = false }: { value: Shown | null; share?: boolean }) {
  const { intl, formatNumber } = useT();
  if (value === null) return null;
  if (value.kind === "suppressed") return <SuppressedMark />;
  if (value.kind === "none") return <>–</>;
  return <>{share ? formatShare(value.value, intl.locale) : formatNumber(value.value)}</>;
}
