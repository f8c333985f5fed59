/**
 * GraphQL input types derived from the zod schemas of packages/domain/src/inputs, so that an
 * input is declared once: its fields, which are required, their descriptions and defaults come
 * from the schema the mutation validates with (mutations.ts) and the web's forms use.
 *
 * The mapping: a string is `String`, or `ID` for `recordId()`/`userId()`; an integer `Int`, any
 * other number `Float`; a date `DateTime`, or `Date` for `calendarDate()`; a boolean `Boolean`;
 * an enum or a nested object is the type of its `named(…)` name (enums are declared by the
 * modules, nested objects here); an array is a list of its element. A field that accepts
 * undefined (optional, nullish, or with a default) is nullable. Anything else fails the build.
 */
import { inputMeta } from "@maillage/domain/inputs";
import type { ArgBuilder, ArgumentRef, InputFieldRef, InputObjectRef } from "@pothos/core";
import { z } from "zod";
import { builder } from "./builder.ts";

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type InputObjectSchema = z.ZodObject<z.core.$ZodShape>;
type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, "InputObject">;

interface FieldShape {
  /** The schema under its optional/nullable/default wrappers. */
  core: z.core.$ZodType;
  required: boolean;
  description?: string;
  defaultValue?: unknown;
}

function unwrap(schema: z.core.$ZodType): FieldShape {
  let core = schema;
  let required = true;
  let description: string | undefined;
  let defaultValue: unknown;
  for (;;) {
    // A named schema's own description is its type's (derivedInputType), not the field's.
    if (!inputMeta.get(core)?.name) description ??= z.globalRegistry.get(core)?.description;
    const def = core._zod.def;
    if (def.type === "optional" || def.type === "nullable") {
      required = false;
      core = (def as z.core.$ZodOptionalDef | z.core.$ZodNullableDef).innerType;
    } else if (def.type === "default") {
      required = false;
      defaultValue ??= (def as z.core.$ZodDefaultDef).defaultValue;
      core = (def as z.core.$ZodDefaultDef).innerType;
    } else {
      return { core, required, description, defaultValue };
    }
  }
}

const objectRefs = new Map<string, { schema: z.core.$ZodType; ref: InputObjectRef<BuilderTypes, unknown> }>();

/** The GraphQL type of a schema without its wrappers: a name, a derived input object, or a list. */
function graphqlType(schema: z.core.$ZodType, where: string): unknown {
  const meta = inputMeta.get(schema);
  const def = schema._zod.def;
  switch (def.type) {
    case "string":
      return meta?.kind === "recordId" ? "ID" : "String";
    case "number":
      return schema instanceof z.ZodNumber && schema.isInt ? "Int" : "Float";
    case "boolean":
      return "Boolean";
    case "date":
      return meta?.kind === "calendarDate" ? "Date" : "DateTime";
    case "enum":
      if (!meta?.name) throw new Error(`${where}: an enum needs a name (named() in packages/domain)`);
      return meta.name;
    case "object":
      if (!meta?.name) throw new Error(`${where}: a nested object needs a name (named() in packages/domain)`);
      return derivedInputType(meta.name, schema as InputObjectSchema);
    case "array": {
      const element = unwrap((def as z.core.$ZodArrayDef).element);
      if (!element.required) throw new Error(`${where}: list items may not be null`);
      return [graphqlType(element.core, `${where}[]`)];
    }
    default:
      throw new Error(`${where}: no GraphQL input type for a zod ${def.type}`);
  }
}

/** The options of the input field or argument for `schema` (the same for both in Pothos). */
function fieldOptions(schema: z.core.$ZodType, where: string) {
  const field = unwrap(schema);
  return {
    // The type is known at run time only (a name or a derived ref); the schema types the value.
    type: graphqlType(field.core, where) as never,
    required: field.required,
    ...(field.description ? { description: field.description } : {}),
    ...(field.defaultValue !== undefined ? { defaultValue: field.defaultValue as never } : {}),
  };
}

function derivedField(t: InputFieldBuilder, schema: z.core.$ZodType, where: string) {
  return t.field(fieldOptions(schema, where)) as InputFieldRef<BuilderTypes, unknown>;
}

/** One argument per key of `schema`, for a field that takes arguments rather than an input. */
export function derivedArguments(
  arg: ArgBuilder<BuilderTypes>,
  schema: InputObjectSchema,
  fieldName: string,
): Record<string, ArgumentRef<BuilderTypes, unknown>> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      arg(fieldOptions(field, `${fieldName}(${key})`)) as ArgumentRef<BuilderTypes, unknown>,
    ]),
  );
}

/**
 * The input type `name`, with one field per key of `schema` (nested named objects become their
 * own input types, once). The ref carries the schema's input shape; mutations.ts parses the
 * argument with the schema itself.
 */
export function derivedInputType<S extends InputObjectSchema>(
  name: string,
  schema: S,
): InputObjectRef<BuilderTypes, z.input<S>> {
  const known = objectRefs.get(name);
  if (known) {
    if (known.schema !== schema) throw new Error(`Two different schemas are named ${name}`);
    return known.ref as InputObjectRef<BuilderTypes, z.input<S>>;
  }
  const description = z.globalRegistry.get(schema)?.description;
  const ref = builder.inputType(name, {
    ...(description ? { description } : {}),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(schema.shape).map(([key, field]) => [key, derivedField(t, field, `${name}.${key}`)]),
      ),
  });
  objectRefs.set(name, { schema, ref: ref as InputObjectRef<BuilderTypes, unknown> });
  return ref as InputObjectRef<BuilderTypes, z.input<S>>;
}
