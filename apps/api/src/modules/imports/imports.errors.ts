/**
 * The import's typed failures: a file refused whole (ImportFileError, with its reason: empty, not
 * UTF-8, too many rows…), and a commit refused because rows have problems (ImportHasProblemsError,
 * carrying the report with every problem). Both write nothing.
 */
import type { Locale } from "@maillage/domain";
import {
  type ImportFileProblem,
  importFileProblemMessage,
  importFileProblems,
} from "@maillage/domain/record-shapes";
import { builder } from "../../builder.ts";
import { AppError } from "../../errors.ts";
import { AppErrorInterface } from "../errors/errors.types.ts";
import type { ImportReportShape } from "./imports.types.ts";
import { ImportReportRef } from "./imports.types.ts";

export class ImportFileError extends AppError {
  constructor(
    locale: Locale,
    readonly reason: ImportFileProblem,
    headers?: string,
  ) {
    super(
      "IMPORT_FILE_REFUSED",
      locale,
      importFileProblemMessage(locale, reason, headers ? { headers } : {}),
    );
  }
}

export class ImportHasProblemsError extends AppError {
  constructor(
    locale: Locale,
    readonly report: ImportReportShape,
  ) {
    super("IMPORT_HAS_PROBLEMS", locale);
  }
}

export const ImportFileProblemEnum = builder.enumType("ImportFileProblem", { values: importFileProblems });

builder.objectType(ImportFileError, {
  name: "ImportFileError",
  interfaces: [AppErrorInterface],
  fields: (t) => ({ reason: t.field({ type: ImportFileProblemEnum, resolve: (error) => error.reason }) }),
});

builder.objectType(ImportHasProblemsError, {
  name: "ImportHasProblemsError",
  interfaces: [AppErrorInterface],
  fields: (t) => ({ report: t.field({ type: ImportReportRef, resolve: (error) => error.report }) }),
});
