import type { Locale } from "../locale.ts";
import { comparableLabel } from "./cell-values.ts";
import { type ColumnDefinition, type RecordShapeName, shapeDefinitions } from "./shapes.ts";

/** Which column of the file (its header, as written) fills which field of the shape. */
export interface ColumnMapping {
  field: string;
  column: string;
}

/** A field the mapping step offers: a shape's column, or one catalogue item's quantity column. */
export interface MappableField {
  key: string;
  header: Record<Locale, string>;
  required: boolean;
  description: Record<Locale, string>;
  aliases: readonly string[];
}

export function shapeFields(shape: RecordShapeName): MappableField[] {
  return shapeDefinitions[shape].columns.map((column: ColumnDefinition) => ({
    key: column.key,
    header: column.header,
    required: column.required,
    description: column.description,
    aliases: column.aliases ?? [],
  }));
}

/**
 * A mapping guessed from the file's headers: a header equal (accents, case and punctuation
 * aside) to a field's French or English header first, then to one of its other names. Each
 * header fills one field at most, each field takes one header at most.
 */
export function suggestMapping(
  fields: readonly MappableField[],
  headers: readonly string[],
): ColumnMapping[] {
  const byComparable = new Map<string, string>();
  for (const header of headers) {
    const key = comparableLabel(header);
    if (key && !byComparable.has(key)) byComparable.set(key, header);
  }
  const mapping: ColumnMapping[] = [];
  const usedHeaders = new Set<string>();
  const mappedFields = new Set<string>();
  const rounds: ((field: MappableField) => string[])[] = [
    (field) => [field.header.fr, field.header.en, field.key],
    (field) => [...field.aliases],
  ];
  for (const names of rounds) {
    for (const field of fields) {
      if (mappedFields.has(field.key)) continue;
      for (const name of names(field)) {
        const header = byComparable.get(comparableLabel(name));
        if (header !== undefined && !usedHeaders.has(header)) {
          mapping.push({ field: field.key, column: header });
          usedHeaders.add(header);
          mappedFields.add(field.key);
          break;
        }
      }
    }
  }
  return mapping;
}
