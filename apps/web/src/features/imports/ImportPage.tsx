/**
 * Import and export (issue 16 items 3–5), for coordinators: a spreadsheet imported in four steps —
 * the file (with the templates), its columns (with its first rows), a dry run that lists every
 * problem and writes nothing, then an all-or-nothing commit after a confirmation — and the
 * organisation's own records exported per shape. A second import of the same file adds nothing,
 * and says so.
 */
import type { RecordShapeName } from "@maillage/domain/record-shapes";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { failureOf } from "../../app/graphql.ts";
import { type MessageKey, useT } from "../../app/i18n/index.tsx";
import { Link } from "../../app/router.tsx";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { Loading } from "../../ui/Loaded.tsx";
import { mayTake, useViewer } from "../auth/session.ts";
import { ChooseFileStep, type Uploaded } from "./ChooseFileStep.tsx";
import { ExportSection } from "./ExportSection.tsx";
import { DryRunResult, ReportCounts } from "./ImportReportView.tsx";
import { useFailureText } from "./import-failures.ts";
import type { ColumnChoice, ImportReport } from "./import-steps.ts";
import { commitImport, dryRunQuery, ImportRefused, previewQuery } from "./imports.graphql.ts";
import { MapColumnsStep } from "./MapColumnsStep.tsx";
import "./imports.css";

export const importPath = "/importer";

type Stage =
  | { step: "choose"; shape: RecordShapeName | null }
  | { step: "map"; file: Uploaded; mapping: ColumnChoice[] | null }
  | { step: "check"; file: Uploaded; mapping: ColumnChoice[] }
  | { step: "done"; file: Uploaded; report: ImportReport };

const stepLabels: readonly [Stage["step"], MessageKey][] = [
  ["choose", "imports.step.choose"],
  ["map", "imports.step.map"],
  ["check", "imports.step.check"],
  ["done", "imports.step.commit"],
];

function StepList({ current }: { current: Stage["step"] }) {
  const { t } = useT();
  return (
    <ol className="imports__steps" aria-label={t("imports.steps")}>
      {stepLabels.map(([step, label]) => (
        <li key={step} aria-current={step === current ? "step" : undefined}>
          {t(label)}
        </li>
      ))}
    </ol>
  );
}

/** Where the records of a shape are seen once imported. */
const seenAt: Record<RecordShapeName, string> = {
  PERSONS: "/personnes",
  ENCOUNTERS: "/tableau-de-bord",
  VENUES: "/milieux",
  MATERIAL_RECEIPTS: "/stock",
  WORKSHOPS: "/ateliers",
};

function DoneStep({ file, report, onAnother }: { file: Uploaded; report: ImportReport; onAnother(): void }) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const created = report.created ?? 0;
  return (
    <section aria-labelledby="imports-done-heading">
      <h2 id="imports-done-heading" ref={headingRef} tabIndex={-1} aria-describedby="imports-done-summary">
        {t("imports.done.title")}
      </h2>
      <p id="imports-done-summary" role="status" className="alert alert--ok">
        {created === 0 && report.alreadyImported > 0
          ? t("imports.done.nothing", { already: report.alreadyImported })
          : t("imports.done.counts", { created, already: report.alreadyImported })}
      </p>
      <ReportCounts report={report} />
      <div className="row">
        <Link to={seenAt[file.shape]} className="button button--primary">
          {t("imports.done.see")}
        </Link>
        <button type="button" className="button" onClick={onAnother}>
          {t("imports.another")}
        </button>
      </div>
    </section>
  );
}

function CheckStep({
  file,
  mapping,
  checked,
  onAgain,
  onRemap,
  onDone,
}: {
  file: Uploaded;
  mapping: ColumnChoice[];
  checked: ImportReport;
  onAgain(): void;
  onRemap(): void;
  onDone(report: ImportReport): void;
}) {
  const { t } = useT();
  const failureText = useFailureText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [refusedReport, setRefusedReport] = useState<ImportReport | null>(null);
  const report = refusedReport ?? checked;
  const commit = useMutation({
    mutationFn: () => commitImport(file, mapping),
    onSuccess: (done) => {
      // Every list may hold what was added.
      void queryClient.invalidateQueries();
      onDone(done);
    },
    onError: (error) => {
      setConfirming(false);
      // Refused whole with its problems (the file or the catalogue changed since the check).
      if (error instanceof ImportRefused) setRefusedReport(error.report);
    },
  });
  const problems = report.problems.length + report.unlisted;
  return (
    <>
      <DryRunResult key={refusedReport ? "refused" : "checked"} report={report} />
      {commit.isError && !(commit.error instanceof ImportRefused) ? (
        <p role="alert" className="alert alert--error">
          {failureText(failureOf(commit.error))}
        </p>
      ) : null}
      {problems === 0 && report.toCreate > 0 ? (
        confirming ? (
          <ConfirmDialog
            label={t("imports.commit.label")}
            question={t("imports.commit.question", { count: report.toCreate, file: file.fileName })}
            confirmLabel={commit.isPending ? t("imports.commit.pending") : t("imports.commit.confirm")}
            pending={commit.isPending}
            onConfirm={() => commit.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <div className="row">
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              {t("imports.commit", { count: report.toCreate })}
            </button>
            <button type="button" className="button" onClick={onRemap}>
              {t("imports.remap")}
            </button>
          </div>
        )
      ) : (
        <AgainButtons problems={problems > 0} onAgain={onAgain} onRemap={onRemap} />
      )}
    </>
  );
}

/** Back to an earlier step: another file (the corrected one), or other columns. */
function AgainButtons({
  problems,
  onAgain,
  onRemap,
}: {
  problems: boolean;
  onAgain(): void;
  onRemap(): void;
}) {
  const { t } = useT();
  return (
    <div className="row">
      <button type="button" className={problems ? "button button--primary" : "button"} onClick={onAgain}>
        {problems ? t("imports.again") : t("imports.another")}
      </button>
      <button type="button" className="button" onClick={onRemap}>
        {t("imports.remap")}
      </button>
    </div>
  );
}

/** The columns step, on the file's preview (read again in the other language when it changes). */
function MapStage({
  file,
  mapping,
  onCheck,
  onAgain,
}: {
  file: Uploaded;
  mapping: ColumnChoice[] | null;
  onCheck(mapping: ColumnChoice[]): void;
  onAgain(): void;
}) {
  const { t, language } = useT();
  const failureText = useFailureText();
  const preview = useQuery(previewQuery(file, language));
  if (preview.isPending) return <Loading />;
  if (preview.isError)
    return (
      <>
        <p role="alert" className="alert alert--error">
          {failureText(failureOf(preview.error))}
        </p>
        <button type="button" className="button button--primary" onClick={onAgain}>
          {t("imports.another")}
        </button>
      </>
    );
  return <MapColumnsStep preview={preview.data} initial={mapping} onCheck={onCheck} onOtherFile={onAgain} />;
}

/** The dry run of the file with these columns (asked again in the other language when it changes). */
function CheckStage({
  file,
  mapping,
  onAgain,
  onRemap,
  onDone,
}: {
  file: Uploaded;
  mapping: ColumnChoice[];
  onAgain(): void;
  onRemap(): void;
  onDone(report: ImportReport): void;
}) {
  const { t, language } = useT();
  const failureText = useFailureText();
  const checked = useQuery(dryRunQuery(file, mapping, language));
  if (checked.isPending)
    return (
      <p role="status" className="muted">
        {t("imports.map.checking")}
      </p>
    );
  if (checked.isError)
    return (
      <>
        <p role="alert" className="alert alert--error">
          {failureText(failureOf(checked.error))}
        </p>
        <AgainButtons problems onAgain={onAgain} onRemap={onRemap} />
      </>
    );
  return (
    <CheckStep
      file={file}
      mapping={mapping}
      checked={checked.data}
      onAgain={onAgain}
      onRemap={onRemap}
      onDone={onDone}
    />
  );
}

function ImportWizard() {
  const { t } = useT();
  const [stage, setStage] = useState<Stage>({ step: "choose", shape: null });
  const again = (file: Uploaded) => () => setStage({ step: "choose", shape: file.shape });
  return (
    <section className="card imports__import" aria-labelledby="imports-import-heading">
      <h2 id="imports-import-heading" className="imports__import-title">
        {t("imports.import.title")}
      </h2>
      <StepList current={stage.step} />
      {stage.step === "choose" ? (
        <ChooseFileStep
          key={stage.shape ?? "none"}
          initialShape={stage.shape}
          onUploaded={(file) => setStage({ step: "map", file, mapping: null })}
        />
      ) : null}
      {stage.step === "map" ? (
        <MapStage
          file={stage.file}
          mapping={stage.mapping}
          onCheck={(mapping) => setStage({ step: "check", file: stage.file, mapping })}
          onAgain={again(stage.file)}
        />
      ) : null}
      {stage.step === "check" ? (
        <CheckStage
          file={stage.file}
          mapping={stage.mapping}
          onAgain={again(stage.file)}
          onRemap={() => setStage({ step: "map", file: stage.file, mapping: stage.mapping })}
          onDone={(report) => setStage({ step: "done", file: stage.file, report })}
        />
      ) : null}
      {stage.step === "done" ? (
        <DoneStep file={stage.file} report={stage.report} onAnother={again(stage.file)} />
      ) : null}
    </section>
  );
}

export function ImportPage() {
  const { t } = useT();
  const me = useViewer();
  return (
    <section className="page imports">
      <h1>{t("imports.title")}</h1>
      <p className="muted">{t("imports.intro")}</p>
      {mayTake(me, "IMPORT_RECORDS") ? <ImportWizard /> : null}
      {mayTake(me, "EXPORT_RECORDS") ? <ExportSection /> : null}
    </section>
  );
}
