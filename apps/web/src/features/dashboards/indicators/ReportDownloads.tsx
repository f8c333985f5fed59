/** "Rapport annuel (PDF)" and "Tableaux (CSV)" of the period shown; what went wrong, beside them. */
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useT } from "../../../app/i18n/index.tsx";
import { QueryFailure } from "../../../ui/QueryFailure.tsx";
import { type PeriodInput, reportUrl } from "./indicators-model.ts";
import { downloadReport } from "./report-download.ts";

export function ReportDownloads({
  period,
  partnershipId,
}: {
  period: PeriodInput | null;
  partnershipId: string | null;
}) {
  const { t, language } = useT();
  const headingId = useId();
  const download = useMutation({
    mutationFn: ({ format, at }: { format: "pdf" | "csv"; at: PeriodInput }) =>
      downloadReport(
        reportUrl(format, language, at, partnershipId),
        `indicateurs-${at.fiscalYear}.${format}`,
      ),
  });
  return (
    <section className="indicator-downloads" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t("indicators.download.title")}
      </h2>
      <div className="row">
        {(["pdf", "csv"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={period === null || download.isPending}
            onClick={() => period && download.mutate({ format, at: period })}
          >
            {t(format === "pdf" ? "indicators.download.pdf" : "indicators.download.csv")}
          </button>
        ))}
      </div>
      <div role="status">
        {download.isPending ? <p className="small muted">{t("indicators.download.pending")}</p> : null}
        {download.isSuccess ? <p className="small alert alert--ok">{t("indicators.download.done")}</p> : null}
      </div>
      {download.isError ? (
        <QueryFailure
          error={download.error}
          onRetry={() => download.variables && download.mutate(download.variables)}
        />
      ) : null}
    </section>
  );
}
