import { z } from "zod";
import { recordShapes } from "../record-shapes/shapes.ts";
import { named, recordId } from "./fields.ts";

export const recordShape = named("RecordShape", z.enum(recordShapes));

/** Which column of the file (its header, as written) fills which field of the shape. */
export const columnMappingInput = named(
  "ColumnMappingInput",
  z.object({
    field: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe("A field of the shape (importPreview's fields: e.g. date, channel, materials.CONDOMS)."),
    column: z.string().max(300).describe("The file's header, as importPreview gives it."),
  }),
);

/** An uploaded file (POST /imports/files) read as a shape with a mapping: dry run and commit. */
export const importInput = named(
  "ImportInput",
  z.object({
    fileId: recordId().describe("What POST /imports/files answered."),
    shape: recordShape,
    mapping: z.array(columnMappingInput).max(300),
  }),
);
