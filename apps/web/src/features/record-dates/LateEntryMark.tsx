/**
 * "Late entry — entered on …" (issue 16): a record entered more than three days after it
 * happened says so where it is listed; both dates are kept. `enteredAt` null (a partner's view):
 * the mark alone.
 */
import { useT } from "../../app/i18n/index.tsx";
import "./record-dates.css";

export function LateEntryMark({ lateEntry, enteredAt }: { lateEntry: boolean; enteredAt?: string | null }) {
  const { t, formatDate } = useT();
  if (!lateEntry) return null;
  return (
    <span className="badge badge--warn late-entry">
      {enteredAt ? t("recordDates.lateEntryOn", { date: formatDate(enteredAt) }) : t("recordDates.lateEntry")}
    </span>
  );
}
