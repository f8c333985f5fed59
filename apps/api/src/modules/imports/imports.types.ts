/** The import's GraphQL types: a file's preview, and a dry run's or a commit's report. */
import { importRowProblemCodes, recordShapes } from "@maillage/domain/record-shapes";
import { builder } from "../../builder.ts";
import type { ImportProblem } from "./import-analysis.ts";

export const RecordShapeEnum = builder.enumType("RecordShape", { values: recordShapes });
export const ImportProblemCodeEnum = builder.enumType("ImportProblemCode", { values: importRowProblemCodes });

export interface ImportReportShape {
  shape: (typeof recordShapes)[number];
  fileName: string;
  rows: number;
  toCreate: number;
  alreadyImported: number;
  created: number;
  rowsWithProblems: number;
  problems: ImportProblem[];
  moreProblems: number;
}

const ImportProblemRef = builder.objectRef<ImportProblem>("ImportProblem").implement({
  description: "One problem of one row: where (line, column as in the file), what, and why.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "The spreadsheet's line number (the header is usually 1)." }),
    column: t.exposeString("column", {
      nullable: true,
      description: "The file's header; null: the row or a missing column.",
    }),
    value: t.exposeString("value", { nullable: true }),
    code: t.field({ type: ImportProblemCodeEnum, resolve: (problem) => problem.code }),
    message: t.exposeString("message", { description: "In the caller's language." }),
  }),
});

export const ImportReportRef = builder.objectRef<ImportReportShape>("ImportReport").implement({
  fields: (t) => ({
    shape: t.field({ type: RecordShapeEnum, resolve: (report) => report.shape }),
    fileName: t.exposeString("fileName"),
    rows: t.exposeInt("rows", { description: "Data rows of the file (empty rows aside)." }),
    toCreate: t.exposeInt("toCreate", { description: "Rows without problems that are not imported yet." }),
    alreadyImported: t.exposeInt("alreadyImported", {
      description: "Rows whose source reference is already in the organisation: added again never.",
    }),
    created: t.exposeInt("created", { description: "Records written (0 in a dry run)." }),
    rowsWithProblems: t.exposeInt("rowsWithProblems"),
    problems: t.field({ type: [ImportProblemRef], resolve: (report) => report.problems }),
    moreProblems: t.exposeInt("moreProblems", {
      description: "Problems beyond the listed ones (the list is capped).",
    }),
  }),
});

export interface ImportFieldShape {
  key: string;
  header: string;
  required: boolean;
  description: string;
}

const ImportFieldRef = builder.objectRef<ImportFieldShape>("ImportField").implement({
  description: "A field of the shape that a column of the file may fill.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The mapping's `field`." }),
    header: t.exposeString("header", { description: "In the caller's language." }),
    required: t.exposeBoolean("required"),
    description: t.exposeString("description", { description: "In the caller's language." }),
  }),
});

const ColumnMappingRef = builder.objectRef<{ field: string; column: string }>("ColumnMapping").implement({
  fields: (t) => ({ field: t.exposeString("field"), column: t.exposeString("column") }),
});

interface PreviewRow {
  line: number;
  cells: (string | null)[];
}

const PreviewRowRef = builder.objectRef<PreviewRow>("ImportPreviewRow").implement({
  fields: (t) => ({
    line: t.exposeInt("line"),
    cells: t.exposeStringList("cells", { nullable: { list: false, items: true } }),
  }),
});

export interface ImportPreviewShape {
  fileId: string;
  fileName: string;
  format: "csv" | "xlsx";
  headers: string[];
  rows: PreviewRow[];
  rowCount: number;
  fields: ImportFieldShape[];
  suggestedMapping: { field: string; column: string }[];
}

export const ImportPreviewRef = builder.objectRef<ImportPreviewShape>("ImportPreview").implement({
  fields: (t) => ({
    fileId: t.exposeID("fileId"),
    fileName: t.exposeString("fileName"),
    format: t.exposeString("format", { description: "csv or xlsx." }),
    headers: t.exposeStringList("headers", { description: "The file's headers, as written." }),
    rows: t.field({
      type: [PreviewRowRef],
      description: "The first 10 rows, a cell per header as text (null: empty).",
      resolve: (preview) => preview.rows,
    }),
    rowCount: t.exposeInt("rowCount"),
    fields: t.field({ type: [ImportFieldRef], resolve: (preview) => preview.fields }),
    suggestedMapping: t.field({
      type: [ColumnMappingRef],
      description: "Columns matched with fields by their headers (French or English).",
      resolve: (preview) => preview.suggestedMapping,
    }),
  }),
});
