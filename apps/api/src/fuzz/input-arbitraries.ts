/**
 * Arbitrary GraphQL variables for a field's arguments, derived from the schema's input types
 * alone (a new mutation or input field is covered without a line here): values of the right
 * shape with hostile leaves, and values of the wrong shape (nulls, missing and extra fields,
 * wrong scalar kinds, unknown enum values).
 */
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

/** Ids the fuzz may name: real records of several kinds (refreshed as the fuzz creates some). */
export interface IdPool {
  ids: string[];
}

const hangul = "한국어이름";

/** Strings that have broken text handling somewhere: control, bidi, surrogates, length. */
export const hostileStrings: readonly string[] = [
  "",
  " ",
  "   \t ",
  "a",
  "Éloïse",
  "e\u0301loi\u0308se", // decomposed (NFD) accents
  "nul\u0000byte",
  "\u0000",
  "bell\u0007",
  "esc\u001b[31mred",
  "line\r\nbreak",
  "\u2028sep",
  "droite\u202Eàgauche",
  "\u2066isolate\u2069",
  "\u200Bzero\u200Dwidth\uFEFF",
  "lone\uD800surrogate",
  "\uDC00trail",
  "\uDBFF",
  hangul.repeat(6), // 30 Hangul syllables
  "가".repeat(81),
  "😀".repeat(41),
  "x".repeat(81),
  "x".repeat(301),
  "x".repeat(5_001),
  "x".repeat(70_000), // over the request body limit
  "'; DROP TABLE persons; --",
  "<script>alert(1)</script>",
  "%00%ff",
  "\\u0000",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
];

const dateStrings = [
  "2026-11-30",
  "2026-01-01",
  "2024-02-29",
  "2027-02-30",
  "2026-02-29",
  "0000-01-01",
  "0001-01-01",
  "1900-01-01",
  "9999-12-31",
  "2026-13-01",
  "2026-00-10",
  "2026-1-1",
  "26-01-01",
  "2026-11-30T00:00:00Z",
  "+275760-09-13",
];

const dateTimeStrings = [
  "2026-11-30T10:00:00.000Z",
  "2026-11-30T10:00:00-05:00",
  "2026-12-01T23:59:59Z",
  "2026-11-30T24:00:00Z",
  "2026-11-30T24:00Z",
  "2027-02-30T10:00:00Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-11-30T10:00:00",
  "2026-11-30T10:00:00+25:00",
  "2026-11-30T10:00:00.1234567Z",
  "+275760-09-13T00:00:00.000Z",
  "2030-01-01T00:00:00Z",
  "2000-01-01T00:00:00Z",
];

const timeStrings = [
  "09:00",
  "17:30",
  "00:00",
  "23:59",
  "24:00",
  "24:01",
  "25:00",
  "12:60",
  "9:00",
  "12:00:00",
  "-01:00",
];
const zoneStrings = [
  "America/Toronto",
  "America/Montreal",
  "Europe/Paris",
  "UTC",
  "Mars/Olympus",
  "../../etc/passwd",
];
const emailStrings = ["coordination@test.example", "a@b", "not-an-email", "é@é.é", "x@y.z\u0000"];
const localeStrings = ["fr", "en", "FR", "xx", "fr-CA"];

/** A pool of strings fit for the field's name (a date for `...On`, a time for `start`…). */
function hintedStrings(name: string): readonly string[] {
  const lower = name.toLowerCase();
  const hinted: string[] = [];
  if (/date|day|on$|from|until|since/.test(lower) || /On$/.test(name)) hinted.push(...dateStrings);
  if (/at$|when|time/.test(lower) || /At$/.test(name)) hinted.push(...dateTimeStrings);
  if (/start|end|time|hour|window/.test(lower)) hinted.push(...timeStrings);
  if (/zone/.test(lower)) hinted.push(...zoneStrings);
  if (/mail/.test(lower)) hinted.push(...emailStrings);
  if (/locale|language/.test(lower)) hinted.push(...localeStrings);
  return hinted;
}

/** Any UTF-16 code unit, lone surrogates and controls included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

function stringArbitrary(name: string): fc.Arbitrary<string> {
  const hinted = hintedStrings(name);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
    ...(hinted.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...hinted) }] : []),
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  );
}

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

const malformedIds = [
  "",
  "abc",
  "%%%",
  base64("Person:not-a-uuid"),
  base64("Nope:00000000-0000-0000-0000-000000000000"),
  base64("Person:00000000-0000-0000-0000-000000000000"),
  base64("AuditEvent:99999999999999999999999"),
  base64("Person:"),
  base64(":"),
  "00000000-0000-0000-0000-000000000000",
  "UGVyc29uOg==\u0000",
  "x".repeat(2_000),
];

function idArbitrary(pool: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((n) => pool.ids[n % pool.ids.length] ?? ""),
    },
    { weight: 2, arbitrary: fc.constantFrom(...malformedIds) },
    { weight: 1, arbitrary: fc.uuid().map((uuid) => base64(`Person:${uuid}`)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
}

const outOfRangeInts = [0, -1, 1, 2_147_483_647, 2_147_483_648, -2_147_483_649, 2 ** 53 + 2, 1e21];

function scalarArbitrary(typeName: string, fieldName: string, pool: IdPool): fc.Arbitrary<unknown> {
  switch (typeName) {
    case "ID":
      return idArbitrary(pool);
    case "Int":
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -3, max: 120 }) },
        { weight: 2, arbitrary: fc.constantFrom(...outOfRangeInts) },
        { weight: 1, arbitrary: fc.integer() },
      );
    case "Float":
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -0.5, 1e308, 5e-324),
      );
    case "Boolean":
      return fc.boolean();
    case "Date":
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...dateStrings) },
        { weight: 1, arbitrary: stringArbitrary(fieldName) },
      );
    case "DateTime":
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...dateTimeStrings) },
        {
          weight: 2,
          arbitrary: fc
            .date({ min: new Date("2020-01-01"), max: new Date("2027-01-01"), noInvalidDate: true })
            .map((d) => d.toISOString()),
        },
        { weight: 1, arbitrary: stringArbitrary(fieldName) },
      );
    default:
      // String and any scalar added later.
      return stringArbitrary(fieldName);
  }
}

/** A value of another kind than the type wants (JSON can carry any of these). */
const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom("", "NOT_A_VALUE", "1", "true"),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ nested: { deeper: ["x"] } }),
  fc.constant([null]),
);

/**
 * Values for `type`. `shaped`: every required field present with its kind right (leaves still
 * hostile), so the input reaches the resolver's own checks; otherwise any piece may be missing,
 * null, of another kind or carry an extra field, for GraphQL's coercion to refuse.
 */
export function valueArbitrary(
  type: GraphQLInputType,
  fieldName: string,
  pool: IdPool,
  shaped: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueArbitrary(type.ofType, fieldName, pool, shaped, depth);
    return shaped ? inner : fc.oneof({ weight: 8, arbitrary: inner }, { weight: 1, arbitrary: wrongShape });
  }
  const nullable = (value: fc.Arbitrary<unknown>) =>
    shaped
      ? fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
      : fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: wrongShape });
  if (isListType(type)) {
    const item = valueArbitrary(type.ofType, fieldName, pool, shaped, depth + 1);
    return nullable(fc.array(item, { maxLength: depth > 2 ? 1 : 4 }));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    const wrong = ["NOT_A_VALUE", "", ...values.slice(0, 2).map((value) => value.toLowerCase())];
    return nullable(
      shaped
        ? fc.constantFrom(...values)
        : fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...values) },
            { weight: 1, arbitrary: fc.constantFrom(...wrong) },
          ),
    );
  }
  if (isScalarType(type)) return nullable(scalarArbitrary(type.name, fieldName, pool));
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const entries = fields.map((field) => {
      const value = valueArbitrary(field.type, field.name, pool, shaped, depth + 1);
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      // A field left out: optional ones half the time; required ones only when mis-shaped.
      const presence = required
        ? shaped
          ? fc.constant(true)
          : fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean()))
        : fc.boolean();
      return fc.tuple(fc.constant(field.name), presence, value);
    });
    const extra = shaped
      ? fc.constant(null)
      : fc.option(fc.tuple(fc.constantFrom("extraField", "__proto__", "id"), wrongShape), { nil: null });
    return nullable(
      fc.tuple(fc.tuple(...entries), extra).map(([pairs, extraPair]) => {
        const object: Record<string, unknown> = {};
        for (const [name, present, value] of pairs) if (present) object[name] = value;
        if (extraPair && !(extraPair[0] in object)) {
          Object.defineProperty(object, extraPair[0], {
            value: extraPair[1],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return object;
      }),
    );
  }
  return wrongShape;
}

/**
 * Variables for every argument of a field. `shaped`: each argument given, of its type's shape;
 * otherwise arguments may also be left out, null or of another kind.
 */
export function variablesArbitrary(
  args: readonly GraphQLArgument[],
  pool: IdPool,
  shaped: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  if (args.length === 0) return fc.constant({});
  return fc
    .tuple(
      ...args.map((arg) =>
        fc.tuple(
          fc.constant(arg.name),
          valueArbitrary(arg.type, arg.name, pool, shaped),
          shaped
            ? fc.constant(true)
            : fc.oneof(
                { weight: 5, arbitrary: fc.constant(true) },
                { weight: 1, arbitrary: fc.constant(false) },
              ),
        ),
      ),
    )
    .map((pairs) => {
      const variables: Record<string, unknown> = {};
      for (const [name, value, present] of pairs) if (present) variables[name] = value;
      return variables;
    });
}
