import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function invalid(message: string): never {
  throw new GraphQLError(message, { extensions: { code: "INPUT_VALIDATION" } });
}

/** ISO 8601 instant with an offset, e.g. 2026-11-25T14:30:00.000Z. */
export const dateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An instant, as an ISO 8601 string with a time-zone offset.",
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "string") return new Date(value).toISOString();
    throw new TypeError("DateTime cannot represent this value");
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) invalid("DateTime must be a string");
    return parseDateTime(ast.value);
  },
});

/**
 * Years a date of this domain can have: a date outside (year 0000, 20260) is a typing mistake,
 * refused rather than stored.
 */
const firstYear = 1900;
const lastYear = 2999;

/** Whether YYYY-MM-DD is a day of the calendar (no 30 February: JavaScript would roll it over). */
function isCalendarDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (year < firstYear || year > lastYear) return false;
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== "string") invalid("DateTime must be a string");
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(
    value,
  );
  if (!parts) invalid("DateTime must be ISO 8601 with an offset");
  const [, day = "", hours, minutes, , seconds = "0", , , offsetHours = "0", offsetMinutes = "0"] = parts;
  // No 24:00, no 30 February, no 61st second: each field within its range, as written.
  if (
    !isCalendarDay(day) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59 ||
    Number(offsetHours) > 14 ||
    Number(offsetMinutes) > 59
  ) {
    invalid("DateTime is not a real instant");
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) invalid("DateTime is not a real instant");
  return date;
}

/** A calendar date, e.g. 2026-04-01 (stored at UTC midnight). */
export const dateScalar = new GraphQLScalarType<Date, string>({
  name: "Date",
  description: "A calendar date, as YYYY-MM-DD.",
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === "string") return value.slice(0, 10);
    throw new TypeError("Date cannot represent this value");
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) invalid("Date must be a string");
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    invalid("Date must be YYYY-MM-DD");
  }
  if (!isCalendarDay(value)) invalid("Date is not a real date");
  return new Date(`${value}T00:00:00.000Z`);
}
