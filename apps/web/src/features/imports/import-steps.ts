/**
 * What the import's steps hand each other, as the screens read it (imports.graphql.ts turns the
 * API's answers into these): the file's first rows and the fields to map, then a dry run's or a
 * commit's report.
 */
import type { RecordShapeName } from "@maillage/domain/record-shapes";

/** A field of the shape the mapping step offers (a column of the shape, or one item's quantity). */
export interface MappableField {
  key: string;
  label: string;
  description: string;
  required: boolean;
  /** A material item's quantity column (`materials.<CODE>`): offered apart, all optional. */
  perItem: boolean;
}

export interface FilePreview {
  fileId: string;
  fileName: string;
  shape: RecordShapeName;
  rowCount: number;
  headers: string[];
  /** The first rows: their line in the file, each cell as text (empty when blank). */
  rows: { line: number; cells: string[] }[];
  fields: MappableField[];
  /** The column suggested for each field, from the headers. */
  suggested: Map<string, string>;
}

export interface ColumnChoice {
  field: string;
  column: string;
}

export interface RowProblem {
  line: number;
  column: string | null;
  value: string | null;
  /** The rule, in the language of the request. */
  message: string;
}

export interface ImportReport {
  rows: number;
  toCreate: number;
  alreadyImported: number;
  /** Rows added (a commit's report only). */
  created: number | null;
  problems: RowProblem[];
  /** Problems beyond those listed. */
  unlisted: number;
}
