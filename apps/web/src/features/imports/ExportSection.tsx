/**
 * The organisation's own records of each shape, downloaded as CSV or XLSX (POST /exports, audited):
 * the templates' columns, so a file exported here re-imports as it is.
 */
import { type RecordShapeName, recordShapes, shapeDefinitions } from "@maillage/domain/record-shapes";
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useT } from "../../app/i18n/index.tsx";
import { QueryFailure } from "../../ui/QueryFailure.tsx";
import { downloadExport, type SheetFormat, sheetFormats } from "./import-files.ts";

export function ExportSection() {
  const { t, language } = useT();
  const headingId = useId();
  const download = useMutation({
    mutationFn: ({ shape, format }: { shape: RecordShapeName; format: SheetFormat }) =>
      downloadExport(shape, format),
  });
  const shapeLabel = (shape: RecordShapeName) => shapeDefinitions[shape].label[language];
  return (
    <section className="card imports__export" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("imports.export.title")}</h2>
      <p className="small muted">{t("imports.export.intro")}</p>
      <ul className="imports__export-list">
        {recordShapes.map((shape) => (
          <li key={shape} className="imports__export-item">
            <span className="imports__export-name">{shapeLabel(shape)}</span>
            <span className="row">
              {sheetFormats.map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button"
                  disabled={download.isPending}
                  aria-label={t(format === "csv" ? "imports.export.csvOf" : "imports.export.xlsxOf", {
                    shape: shapeLabel(shape),
                  })}
                  onClick={() => download.mutate({ shape, format })}
                >
                  {t(format === "csv" ? "imports.export.csv" : "imports.export.xlsx")}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <div role="status">
        {download.isPending ? <p className="muted">{t("imports.export.pending")}</p> : null}
        {download.isSuccess ? (
          <p className="alert alert--ok">
            {t("imports.export.done", { shape: shapeLabel(download.variables.shape) })}
          </p>
        ) : null}
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
