import type { Locale } from "../locale.ts";
import { type RecordShapeName, shapeDefinitions } from "./shapes.ts";

/**
 * A shape's template as rows of text: the headers in the language, then one example row. The
 * API writes it as CSV or XLSX (GET /imports/templates/<shape>.<fr|en>.<csv|xlsx>); an export
 * writes the same headers, so an exported file re-imports as it is.
 */
export function templateRows(shape: RecordShapeName, locale: Locale): string[][] {
  const columns = shapeDefinitions[shape].columns;
  return [columns.map((column) => column.header[locale]), columns.map((column) => column.example[locale])];
}

/** The headers of a shape in a language, in the templates' order. */
export function shapeHeaders(shape: RecordShapeName, locale: Locale): string[] {
  return shapeDefinitions[shape].columns.map((column) => column.header[locale]);
}
