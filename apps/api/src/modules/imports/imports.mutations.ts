/**
 * Importing an organisation's history from spreadsheets (issue 16 item 3), coordinators only
 * (IMPORT_RECORDS): the file is uploaded by POST /imports/files (import-files.ts), then
 * - `importPreview(fileId, shape)`: its headers, first rows, row count, the shape's fields and a
 *   mapping suggested from the headers (French or English);
 * - `dryRunImport(input)`: every row checked (import-analysis.ts), every problem listed (capped,
 *   with how many more), nothing written;
 * - `commitImport(input)`: the same check, then — only when no row has a problem — every new row
 *   written in bulk in the operation's transaction (import-commit.ts), keyed by its source
 *   reference so that importing the same rows again adds nothing; the file erased; audited
 *   (IMPORT_COMMITTED: file, shape, counts; the audit row names who). A row with a problem
 *   refuses the whole commit (ImportHasProblemsError with the report): all or nothing.
 */
import { fieldErrorMessage } from "@maillage/domain";
import { importInput } from "@maillage/domain/inputs";
import { type RecordShapeName, suggestMapping } from "@maillage/domain/record-shapes";
import type { z } from "zod";
import { auditViewerAction } from "../../access/audit-writes.ts";
import { builder } from "../../builder.ts";
import type { ActingContext } from "../../context.ts";
import { ConflictError, InputValidationError, NotFoundError } from "../../errors.ts";
import { defineMutation } from "../../mutations.ts";
import { analyseRows, mappableFields } from "./import-analysis.ts";
import { writeRecords } from "./import-commit.ts";
import { loadImportFile } from "./import-files.ts";
import { alreadyImportedReferences, loadCatalogue, loadLookups } from "./import-lookups.ts";
import { ImportFileError, ImportHasProblemsError } from "./imports.errors.ts";
import {
  ImportPreviewRef,
  type ImportPreviewShape,
  ImportReportRef,
  type ImportReportShape,
  RecordShapeEnum,
} from "./imports.types.ts";

const previewRows = 10;

builder.queryField("importPreview", (t) =>
  t.withAuth({ takesAction: "IMPORT_RECORDS" }).field({
    type: ImportPreviewRef,
    description:
      "An uploaded file read as a shape: headers, first rows, fields and a suggested mapping (coordinators).",
    args: {
      fileId: t.arg.id({ required: true, description: "What POST /imports/files answered." }),
      shape: t.arg({ type: RecordShapeEnum, required: true }),
    },
    errors: {
      types: [ImportFileError, NotFoundError],
      result: { name: "ImportPreviewSuccess" },
      union: { name: "ImportPreviewResult" },
      dataField: { name: "preview" },
    },
    resolve: async (_root, args, ctx): Promise<ImportPreviewShape> => {
      const file = await loadImportFile(ctx, String(args.fileId));
      const { catalogue, materialCodes } = await loadCatalogue(ctx);
      const fields = mappableFields(args.shape, materialCodes, catalogue);
      const { sheet } = file;
      return {
        fileId: file.id,
        fileName: file.name,
        format: sheet.format,
        headers: sheet.headers,
        rows: sheet.rows.slice(0, previewRows).map((row) => ({
          line: row.line,
          cells: sheet.headers.map((_header, index) => {
            const cell = row.cells[index] ?? null;
            if (cell === null) return null;
            return cell instanceof Date
              ? cell
                  .toISOString()
                  .slice(0, cell.getUTCHours() || cell.getUTCMinutes() ? 16 : 10)
                  .replace("T", " ")
              : String(cell);
          }),
        })),
        rowCount: sheet.rows.length,
        fields: fields.map((field) => ({
          key: field.key,
          header: field.header[ctx.locale],
          required: field.required,
          description: field.description[ctx.locale],
        })),
        suggestedMapping: suggestMapping(fields, sheet.headers),
      };
    },
  }),
);

type ImportInput = z.output<typeof importInput>;

/** The file checked against the shape and the mapping (nothing written). */
async function analyse(ctx: ActingContext, input: ImportInput) {
  const file = await loadImportFile(ctx, input.fileId);
  const shape = input.shape as RecordShapeName;
  const lookups = await loadLookups(ctx, shape);
  const fields = mappableFields(shape, lookups.materialCodes, lookups.catalogue);
  const keys = new Set(fields.map((field) => field.key));
  const problems: { path: string; code: "NOT_FOUND" | "INVALID_VALUE" }[] = [];
  const seenFields = new Set<string>();
  const seenColumns = new Set<string>();
  input.mapping.forEach((entry, index) => {
    if (!keys.has(entry.field) || seenFields.has(entry.field))
      problems.push({ path: `mapping.${index}.field`, code: "INVALID_VALUE" });
    if (!file.sheet.headers.includes(entry.column) || entry.column === "")
      problems.push({ path: `mapping.${index}.column`, code: "NOT_FOUND" });
    else if (seenColumns.has(entry.column))
      problems.push({ path: `mapping.${index}.column`, code: "INVALID_VALUE" });
    seenFields.add(entry.field);
    seenColumns.add(entry.column);
  });
  if (problems.length > 0) {
    throw new InputValidationError(
      ctx.locale,
      problems.map((problem) => ({ ...problem, message: fieldErrorMessage(ctx.locale, problem.code) })),
    );
  }
  const analysis = await analyseRows({
    sheet: file.sheet,
    shape,
    mapping: input.mapping,
    lookups,
    locale: ctx.locale,
    userId: ctx.viewer.userId,
    now: ctx.now,
    alreadyImported: (references) => alreadyImportedReferences(ctx, shape, references),
  });
  const report: ImportReportShape = {
    shape,
    fileName: file.name,
    rows: analysis.rows,
    toCreate: analysis.toCreate.length,
    alreadyImported: analysis.alreadyImported,
    created: 0,
    rowsWithProblems: analysis.rowsWithProblems,
    problems: analysis.problems,
    moreProblems: analysis.moreProblems,
  };
  return { file, shape, analysis, report };
}

const scopes = { takesAction: "IMPORT_RECORDS" } as const;

defineMutation("dryRunImport", {
  description:
    "Checks every row of an uploaded file as the shape, with the mapping: the rows to create, those already imported, every problem (coordinators). Writes nothing.",
  authScopes: scopes,
  input: importInput,
  errors: [ImportFileError],
  payload: { report: ImportReportRef },
  resolve: async (input, ctx) => (await analyse(ctx, input)).report,
});

defineMutation("commitImport", {
  description:
    "Imports an uploaded file: every new row, all or nothing (refused whole when a row has a problem); the same rows again add nothing. Audited (coordinators).",
  authScopes: scopes,
  input: importInput,
  errors: [ImportFileError, ImportHasProblemsError, ConflictError],
  payload: { report: ImportReportRef },
  resolve: async (input, ctx) => {
    const { file, shape, analysis, report } = await analyse(ctx, input);
    if (report.problems.length > 0 || report.moreProblems > 0)
      throw new ImportHasProblemsError(ctx.locale, report);
    const organisationId = ctx.viewer.organisationId;
    const created = await ctx.tx.import.create({
      data: {
        organisationId,
        importedById: ctx.viewer.userId,
        fileName: file.name,
        shape,
        rowCount: analysis.rows,
        createdCount: analysis.toCreate.length,
        alreadyImported: analysis.alreadyImported,
      },
      select: { id: true },
    });
    try {
      await writeRecords(ctx, shape, created.id, analysis.toCreate);
    } catch (error) {
      // The same rows committed meanwhile by another request: their keys are taken.
      if (error instanceof Error && "code" in error && error.code === "P2002")
        throw new ConflictError(ctx.locale);
      throw error;
    }
    await ctx.tx.importFile.deleteMany({ where: { id: file.id } });
    await auditViewerAction(ctx, {
      action: "IMPORT_COMMITTED",
      recordKind: "ORGANISATION",
      recordId: organisationId,
      details: {
        importId: created.id,
        fileName: file.name,
        shape,
        rows: analysis.rows,
        created: analysis.toCreate.length,
        alreadyImported: analysis.alreadyImported,
      },
    });
    return { ...report, created: analysis.toCreate.length };
  },
});
