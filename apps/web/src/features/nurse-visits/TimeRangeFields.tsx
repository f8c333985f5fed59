import type { ComponentProps } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { TextField } from "../../ui/TextField.tsx";

/** One box of the range: react-hook-form's `register(name)` and the field's error. */
type TimeBox = ComponentProps<"input"> & { error?: unknown };

/** A start and an end, side by side, typed in Montréal/Toronto time (absences, another time). */
export function TimeRangeFields({ start, end }: { start: TimeBox; end: TimeBox }) {
  const { t } = useT();
  return (
    <div className="grid-2">
      <TextField label={t("visits.start")} hint={t("visits.localTime")} type="datetime-local" {...start} />
      <TextField label={t("visits.end")} type="datetime-local" {...end} />
    </div>
  );
}
