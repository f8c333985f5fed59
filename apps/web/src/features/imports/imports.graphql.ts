/**
 * The import's GraphQL documents (types from schema.graphql), and their answers as the steps
 * read them (import-steps.ts): a file's preview, a dry run's and a commit's report. A commit
 * refused because rows have problems rejects with ImportRefused, carrying its report.
 *
 * The preview and the dry run write nothing and are read as queries keyed by the language: the
 * API words the fields and the problems in the caller's language, so a change of language asks
 * again rather than leave the other language on the screen.
 */
import { materialCodeOfField } from "@maillage/domain/record-shapes";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { MutationFailure, mutate, request } from "../../app/graphql.ts";
import type { Language } from "../../app/i18n/index.tsx";
import { graphql } from "../../generated/gql.ts";
import type { ImportReportFieldsFragment } from "../../generated/graphql.ts";
import type { Uploaded } from "./ChooseFileStep.tsx";
import type { ColumnChoice, FilePreview, ImportReport } from "./import-steps.ts";

export const ImportPreviewQuery = graphql(`
  query ImportPreview($fileId: ID!, $shape: RecordShape!) {
    importPreview(fileId: $fileId, shape: $shape) {
      __typename
      ... on ImportPreviewSuccess {
        preview {
          fileId
          fileName
          headers
          rowCount
          rows {
            line
            cells
          }
          fields {
            key
            header
            required
            description
          }
          suggestedMapping {
            field
            column
          }
        }
      }
      ...AppErrorMessage
    }
  }
`);

export const ImportReportFields = graphql(`
  fragment ImportReportFields on ImportReport {
    rows
    toCreate
    alreadyImported
    created
    problems {
      line
      column
      value
      code
      message
    }
    moreProblems
  }
`);

export const DryRunImport = graphql(`
  mutation DryRunImport($input: ImportInput!) {
    dryRunImport(input: $input) {
      __typename
      ... on DryRunImportSuccess {
        report {
          ...ImportReportFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const CommitImport = graphql(`
  mutation CommitImport($input: ImportInput!) {
    commitImport(input: $input) {
      __typename
      ... on CommitImportSuccess {
        report {
          ...ImportReportFields
        }
      }
      ... on ImportHasProblemsError {
        report {
          ...ImportReportFields
        }
      }
      ...MutationFailure
    }
  }
`);

function reportOf(report: ImportReportFieldsFragment, committed: boolean): ImportReport {
  return {
    rows: report.rows,
    toCreate: report.toCreate,
    alreadyImported: report.alreadyImported,
    created: committed ? report.created : null,
    problems: report.problems.map((problem) => ({
      line: problem.line,
      column: problem.column ?? null,
      value: problem.value ?? null,
      message: problem.message,
    })),
    unlisted: report.moreProblems,
  };
}

/** A commit refused whole: these rows have problems (nothing was written). */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super("IMPORT_HAS_PROBLEMS");
  }
}

/** The uploaded file read as its shape: headers, first rows, fields and the suggested columns. */
export async function loadPreview(uploaded: Uploaded): Promise<FilePreview> {
  const answer = (await request(ImportPreviewQuery, { fileId: uploaded.fileId, shape: uploaded.shape }))
    .importPreview;
  if (answer.__typename !== "ImportPreviewSuccess") {
    const failure = answer as { code: string; message: string };
    throw new MutationFailure({ code: failure.code as never, message: failure.message, fields: [] });
  }
  const { preview } = answer;
  return {
    fileId: preview.fileId,
    fileName: preview.fileName,
    shape: uploaded.shape,
    rowCount: preview.rowCount,
    headers: preview.headers,
    rows: preview.rows.map((row) => ({ line: row.line, cells: row.cells.map((cell) => cell ?? "") })),
    fields: preview.fields.map((field) => ({
      key: field.key,
      label: field.header,
      description: field.description,
      required: field.required,
      perItem: materialCodeOfField(field.key) !== null,
    })),
    suggested: new Map(preview.suggestedMapping.map((entry) => [entry.field, entry.column])),
  };
}

/** The file an import reads: its id and shape (an upload, or its preview). */
type ImportedFile = Pick<Uploaded, "fileId" | "shape">;

function inputOf(preview: ImportedFile, mapping: readonly ColumnChoice[]) {
  return { input: { fileId: preview.fileId, shape: preview.shape, mapping: [...mapping] } };
}

/** Every row checked, nothing written. */
export async function dryRunImport(preview: ImportedFile, mapping: readonly ColumnChoice[]) {
  const done = await mutate(DryRunImport, (data) => data.dryRunImport, inputOf(preview, mapping));
  return reportOf(done.report, false);
}

/** Every new row written, or none (ImportRefused, with the problems). */
export async function commitImport(preview: ImportedFile, mapping: readonly ColumnChoice[]) {
  const done = await mutate(
    CommitImport,
    (data) => {
      const answer = data.commitImport;
      if (answer.__typename === "ImportHasProblemsError")
        throw new ImportRefused(reportOf(answer.report, false));
      return answer;
    },
    inputOf(preview, mapping),
  );
  return reportOf(done.report, true);
}

/** What these reads are cached under: the file, the shape, the columns and the language. */
const importKeys = {
  preview: (uploaded: Uploaded, language: Language) =>
    ["imports", "preview", uploaded.fileId, uploaded.shape, language] as const,
  dryRun: (preview: ImportedFile, mapping: readonly ColumnChoice[], language: Language) =>
    ["imports", "dry-run", preview.fileId, preview.shape, mapping, language] as const,
};

// Asked again only when the language changes (a new key); the last answer stays on the screen
// meanwhile, and nothing is asked again on focus: the file does not change under the user.
const readOnce = {
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
  retry: false,
  placeholderData: keepPreviousData,
} as const;

export function previewQuery(uploaded: Uploaded, language: Language) {
  return queryOptions({
    queryKey: importKeys.preview(uploaded, language),
    queryFn: () => loadPreview(uploaded),
    ...readOnce,
  });
}

export function dryRunQuery(preview: ImportedFile, mapping: readonly ColumnChoice[], language: Language) {
  return queryOptions({
    queryKey: importKeys.dryRun(preview, mapping, language),
    queryFn: () => dryRunImport(preview, mapping),
    ...readOnce,
  });
}
