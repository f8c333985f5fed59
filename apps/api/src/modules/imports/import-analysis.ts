/**
 * A file's rows checked against a shape and a mapping: every problem of every row (line, column,
 * value, code, message in the caller's language), and for the rows without any, the record to
 * write. Nothing is written here. The rules are the domain's own: each cell is read by
 * record-shapes' readers, then the row goes through the same zod input as the screen's mutation
 * (createPersonInput, recordEncounterInput, createVenueInput, receiveMaterialInput,
 * recordWorkshopInput), the catalogue's codes are checked as checkCatalogueCodes checks them (in
 * bulk), and dates follow the organisation's date rule (record-dates.ts) — so an import never
 * records what the screens would refuse.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  aliasSearchKey,
  happenedAtProblem,
  happenedOnProblem,
  instantAtWallTime,
  type Locale,
} from "@maillage/domain";
import {
  createPersonInput,
  createVenueInput,
  receiveMaterialInput,
  recordEncounterInput,
  recordWorkshopInput,
} from "@maillage/domain/inputs";
import {
  type CellValue,
  type ColumnDefinition,
  type ColumnMapping,
  cellText,
  comparableLabel,
  type ImportRowProblemCode,
  type ImportRowProblemValues,
  importRowProblemMessage,
  listItems,
  type MappableField,
  materialCodeOfField,
  materialQuantityField,
  maxListedProblems,
  parseDay,
  parseDayAndTime,
  parseLanguage,
  parseQuantities,
  parseTimeOfDay,
  parseWholeNumber,
  parseYesNo,
  type RecordShapeName,
  shapeDefinitions,
  shapeFields,
  shapeVocabularies,
  vocabularyLabel,
  vocabularyValue,
} from "@maillage/domain/record-shapes";
import type { z } from "zod";
import { type CatalogueItem, catalogueKey, type ImportLookups } from "./import-lookups.ts";
import type { Sheet } from "./spreadsheet-reader.ts";

export interface ImportProblem {
  line: number;
  /** The file's header of the column, as written (null: the row as a whole, or a field not mapped). */
  column: string | null;
  value: string | null;
  code: ImportRowProblemCode;
  message: string;
}

export interface PreparedRecord {
  line: number;
  sourceRef: string;
  id: string;
  record: Record<string, unknown>;
}

export interface ImportAnalysis {
  rows: number;
  toCreate: PreparedRecord[];
  alreadyImported: number;
  /** Rows with at least one problem. */
  rowsWithProblems: number;
  problems: ImportProblem[];
  /** Problems beyond the listed ones. */
  moreProblems: number;
}

/** The fields a mapping may name for a shape: its columns, and one per catalogue item (ENCOUNTERS). */
export function mappableFields(
  shape: RecordShapeName,
  materialCodes: readonly string[],
  catalogue: Map<string, CatalogueItem>,
): MappableField[] {
  const fields = shapeFields(shape);
  if (shape !== "ENCOUNTERS") return fields;
  const perItem = materialCodes.map((code): MappableField => {
    const item = catalogue.get(catalogueKey("MATERIAL", code));
    return {
      key: materialQuantityField(code),
      header: { fr: item?.labelFr ?? code, en: item?.labelEn ?? code },
      required: false,
      description: {
        fr: `Quantité de « ${item?.labelFr ?? code} » remise (un nombre; vide ou 0 : aucune).`,
        en: `Quantity of “${item?.labelEn ?? code}” handed out (a number; empty or 0: none).`,
      },
      aliases: [code],
    };
  });
  return [...fields, ...perItem];
}

class ProblemList {
  readonly listed: ImportProblem[] = [];
  more = 0;
  constructor(readonly locale: Locale) {}
  add(
    line: number,
    column: string | null,
    value: string | null,
    code: ImportRowProblemCode,
    values: ImportRowProblemValues = {},
  ) {
    if (this.listed.length >= maxListedProblems) {
      this.more += 1;
      return;
    }
    const shown = value === null ? null : value.length > 200 ? `${value.slice(0, 199)}…` : value;
    this.listed.push({
      line,
      column,
      value: shown,
      code,
      message: importRowProblemMessage(this.locale, code, values),
    });
  }
}

interface MappedField {
  key: string;
  column: string;
  index: number;
  definition: ColumnDefinition | null;
}

/** One row's cells by field, and the problems found in it. */
class RowReader {
  problemCount = 0;
  /** Whether the row goes through its zod input (not when a required column is not mapped). */
  checksInput = true;
  constructor(
    private readonly sheet: Sheet,
    private readonly fields: Map<string, MappedField>,
    readonly line: number,
    private readonly cells: CellValue[],
    private readonly problems: ProblemList,
    readonly locale: Locale,
  ) {}

  has(key: string): boolean {
    return this.fields.has(key);
  }
  cell(key: string): CellValue {
    const field = this.fields.get(key);
    return field ? (this.cells[field.index] ?? null) : null;
  }
  text(key: string): string {
    return cellText(this.cell(key));
  }
  column(key: string): string | null {
    return this.fields.get(key)?.column ?? null;
  }
  isFormula(key: string): boolean {
    const field = this.fields.get(key);
    return field ? this.sheet.formulas.has(`${this.line}:${field.index}`) : false;
  }
  problem(key: string | null, code: ImportRowProblemCode, values: ImportRowProblemValues = {}) {
    this.problemCount += 1;
    this.problems.add(
      this.line,
      key ? this.column(key) : null,
      key ? this.text(key) || null : null,
      code,
      values,
    );
  }
}

function hashOf(values: [string, string][]): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("hex");
}

// ─────────────── reading one cell by its column's kind (problems go to the row) ───────────────

const missing = Symbol("missing");
type Read<T> = T | null | typeof missing;

/** A cell of a column: null when empty (REQUIRED when it must not be), `missing` on a problem. */
function read(row: RowReader, definition: ColumnDefinition, lookups: ImportLookups): Read<unknown> {
  const key = definition.key;
  if (row.isFormula(key)) {
    row.problem(key, "FORMULA");
    return missing;
  }
  const cell = row.cell(key);
  const text = cellText(cell);
  if (text === "") {
    if (definition.required) {
      row.problem(key, "REQUIRED");
      return missing;
    }
    return null;
  }
  if (definition.list) {
    const parts = listItems(text, definition.kind.type !== "catalogue");
    if (definition.maxItems !== undefined && parts.length > definition.maxItems) {
      row.problem(key, "TOO_MANY_VALUES", { max: definition.maxItems });
      return missing;
    }
    const values: unknown[] = [];
    for (const part of parts) {
      const value = readOne(row, definition, part, lookups);
      if (value === missing) return missing;
      if (values.includes(value)) {
        row.problem(key, "REPEATED_VALUE");
        return missing;
      }
      values.push(value);
    }
    return values;
  }
  return readOne(row, definition, cell, lookups);
}

function readOne(
  row: RowReader,
  definition: ColumnDefinition,
  cell: CellValue,
  lookups: ImportLookups,
): Read<unknown> {
  const key = definition.key;
  const kind = definition.kind;
  const text = cellText(cell);
  switch (kind.type) {
    case "text":
      if (text.length > kind.max) {
        row.problem(key, "TOO_LONG", { max: kind.max });
        return missing;
      }
      return text;
    case "date": {
      const day = parseDay(cell);
      if (!day.ok) row.problem(key, "NOT_A_DATE");
      return day.ok ? day.value : missing;
    }
    case "time": {
      const time = parseTimeOfDay(cell);
      if (!time.ok) row.problem(key, "NOT_A_TIME");
      return time.ok ? time.value : missing;
    }
    case "integer": {
      const number = parseWholeNumber(cell);
      if (!number.ok) {
        row.problem(key, "NOT_A_WHOLE_NUMBER");
        return missing;
      }
      if (number.value < kind.min || number.value > kind.max) {
        row.problem(key, "OUT_OF_RANGE", { min: kind.min, max: kind.max });
        return missing;
      }
      return number.value;
    }
    case "boolean": {
      const yesNo = parseYesNo(cell);
      if (!yesNo.ok) row.problem(key, "NOT_YES_OR_NO");
      return yesNo.ok ? yesNo.value : missing;
    }
    case "vocabulary": {
      const value = vocabularyValue(kind.vocabulary, text);
      if (value === null) {
        const accepted = shapeVocabularies[kind.vocabulary].map((code) =>
          vocabularyLabel(row.locale, kind.vocabulary, code),
        );
        row.problem(key, "UNKNOWN_VALUE", { values: accepted.join(", ") });
        return missing;
      }
      return value;
    }
    case "catalogue":
      return catalogueCode(row, key, text, kind.list, lookups);
    case "language": {
      const language = parseLanguage(text);
      if (!language.ok) row.problem(key, "NOT_A_LANGUAGE");
      return language.ok ? language.value : missing;
    }
    case "member": {
      const userId = lookups.members?.get(text.toLowerCase());
      if (!userId) row.problem(key, "UNKNOWN_MEMBER");
      return userId ?? missing;
    }
    case "record":
      return kind.shape === "PERSONS" ? personId(row, key, text, lookups) : venueId(row, key, text, lookups);
    case "quantities": {
      const parts = parseQuantities(text);
      if (!parts.ok) {
        row.problem(key, "NOT_A_QUANTITY_LIST");
        return missing;
      }
      const materials: { item: string; quantity: number }[] = [];
      for (const part of parts.value) {
        const item = catalogueCode(row, key, part.item, "MATERIAL", lookups);
        if (item === missing || item === null) return missing;
        if (part.quantity < 0 || part.quantity > kind.maxQuantity) {
          row.problem(key, "OUT_OF_RANGE", { min: 0, max: kind.maxQuantity });
          return missing;
        }
        materials.push({ item, quantity: part.quantity });
      }
      return materials;
    }
  }
}

/** A catalogue entry by its code or name, of the right list and in use (checkCatalogueCodes' rules). */
function catalogueCode(
  row: RowReader,
  key: string,
  text: string,
  list: CatalogueItem["list"],
  lookups: ImportLookups,
): Read<string> {
  const item = lookups.catalogue.get(catalogueKey(list, text));
  if (!item) {
    row.problem(key, "UNKNOWN_CATALOGUE_ENTRY");
    return missing;
  }
  if (item.retired) {
    row.problem(key, "RETIRED_CATALOGUE_ENTRY");
    return missing;
  }
  return item.code;
}

function personId(row: RowReader, key: string, text: string, lookups: ImportLookups): Read<string> {
  const persons = lookups.persons;
  const byReference = persons?.byReference.get(text);
  if (byReference) return byReference;
  if (persons?.ids.has(text.toLowerCase())) return text.toLowerCase();
  const ids = persons?.byAlias.get(aliasSearchKey(text)) ?? [];
  if (ids.length === 1 && ids[0]) return ids[0];
  row.problem(key, ids.length > 1 ? "AMBIGUOUS_PERSON" : "UNKNOWN_PERSON");
  return missing;
}

function venueId(row: RowReader, key: string, text: string, lookups: ImportLookups): Read<string> {
  const venues = lookups.venues;
  const byReference = venues?.byReference.get(text);
  if (byReference) return byReference;
  if (venues?.ids.has(text.toLowerCase())) return text.toLowerCase();
  const ids = venues?.byName.get(comparableLabel(text)) ?? [];
  if (ids.length === 1 && ids[0]) return ids[0];
  row.problem(key, ids.length > 1 ? "AMBIGUOUS_VENUE" : "UNKNOWN_VENUE");
  return missing;
}

// ─────────────── one row of each shape ───────────────

type Values = Record<string, unknown>;

/**
 * The zod input's issues, reported on the column of the field they name: a safety net behind the
 * cell readers, run on a row none of whose cells had a problem (else it would repeat them).
 */
function checkWithInput(
  row: RowReader,
  schema: z.ZodType,
  input: unknown,
  fieldOfPath: (path: string) => string | null,
) {
  if (!row.checksInput || row.problemCount > 0) return;
  const result = schema.safeParse(input);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path.map(String).join("."));
    const column = field && row.has(field) ? field : null;
    if (issue.code === "too_big" && issue.origin === "string")
      row.problem(column, "TOO_LONG", { max: Number(issue.maximum) });
    else if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null))
      row.problem(column, "REQUIRED");
    else row.problem(column, "INVALID_VALUE");
  }
}

function dateProblem(row: RowReader, key: string, problem: ReturnType<typeof happenedOnProblem>) {
  if (problem) row.problem(key, problem.code, "limit" in problem ? { limit: problem.limit } : {});
}

function personRecord(row: RowReader, v: Values, ctxUserId: string, now: Date): Values | null {
  if (typeof v.birthYear === "number" && v.birthYear > now.getUTCFullYear())
    row.problem("birthYear", "BIRTH_YEAR_IN_FUTURE");
  const input = {
    alias: v.alias,
    birthYear: v.birthYear ?? null,
    gender: v.gender ?? null,
    languages: v.languages ?? null,
    mayText: v.mayText ?? null,
    mayLeaveMessage: v.mayLeaveMessage ?? null,
    safeContactNote: v.safeContactNote ?? null,
    inRegularFollowUp: v.inRegularFollowUp ?? null,
  };
  checkWithInput(row, createPersonInput, input, (path) => path.split(".")[0] ?? null);
  const alias = String(v.alias ?? "");
  return {
    alias,
    aliasSearch: aliasSearchKey(alias),
    birthYear: (v.birthYear as number | null) ?? null,
    gender: (v.gender as string | null) ?? "UNDISCLOSED",
    languages: (v.languages as string[] | null) ?? [],
    mayText: v.mayText === true,
    mayLeaveMessage: v.mayLeaveMessage === true,
    safeContactNote: (v.safeContactNote as string | null) || null,
    inRegularFollowUp: v.inRegularFollowUp === true,
    createdById: ctxUserId,
  };
}

function encounterRecord(
  row: RowReader,
  v: Values,
  lookups: ImportLookups,
  perItem: MappedField[],
): Values | null {
  // The day and the time in the organisation's zone; a time written in the date cell counts
  // when the time column is empty; neither: noon.
  const dated = row.isFormula("date") ? null : parseDayAndTime(row.cell("date"));
  const day = typeof v.date === "string" ? v.date : null;
  const minutes = (v.time as number | null) ?? (dated?.ok ? dated.value.minutes : null) ?? 12 * 60;
  let occurredAt: Date | null = null;
  if (day) {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    occurredAt = instantAtWallTime(year, month, date, minutes, lookups.dateRule.timeZone);
    dateProblem(row, "date", happenedAtProblem(occurredAt, lookups.dateRule));
  }
  const materials = [...((v.materials as { item: string; quantity: number }[] | null) ?? [])];
  for (const field of perItem) {
    const quantity = v[field.key];
    const item = materialCodeOfField(field.key);
    if (typeof quantity !== "number" || !item) continue;
    if (materials.some((m) => m.item === item)) {
      row.problem(field.key, "REPEATED_VALUE");
      continue;
    }
    materials.push({ item, quantity });
  }
  const handedOut = materials.filter((m) => m.quantity > 0);
  const person = (v.person as string | null) ?? null;
  const headCount = (v.headCount as number | null) ?? 1;
  if (person && headCount !== 1) row.problem("headCount", "HEAD_COUNT_WITH_PERSON");
  const anonymous = person
    ? null
    : {
        gender: (v.gender as string | null) ?? "UNDISCLOSED",
        ageBracket: (v.ageBracket as string | null) ?? "UNKNOWN",
        headCount,
      };
  const input = {
    personId: person,
    anonymous,
    occurredAt,
    channel: v.channel,
    placeType: v.placeType,
    venueId: v.venue ?? null,
    themes: v.themes ?? null,
    materials: handedOut,
    services: v.services ?? null,
    platform: v.platform ?? null,
    note: v.note ?? null,
  };
  checkWithInput(row, recordEncounterInput, input, (path) => {
    const [first, second] = path.split(".");
    if (first === "anonymous") return second ?? null;
    if (first === "occurredAt") return "date";
    if (first === "venueId") return "venue";
    if (first === "personId") return "person";
    return first ?? null;
  });
  return {
    personId: person,
    occurredAt,
    channel: v.channel,
    placeType: v.placeType,
    venueId: (v.venue as string | null) ?? null,
    platform: (v.platform as string | null) ?? null,
    themes: [...new Set((v.themes as string[] | null) ?? [])],
    anonymousGender: anonymous?.gender ?? null,
    anonymousAgeBracket: anonymous?.ageBracket ?? null,
    headCount: anonymous?.headCount ?? 1,
    materials: handedOut,
    services: (v.services as string[] | null) ?? [],
    note: (v.note as string | null) || null,
  };
}

function venueRecord(row: RowReader, v: Values): Values | null {
  const input = {
    name: v.name,
    kind: v.kind,
    visitCadenceDays: v.visitCadenceDays ?? null,
    confidential: v.confidential ?? null,
    address: v.address ?? null,
    agreements: v.agreements ?? null,
  };
  checkWithInput(row, createVenueInput, input, (path) => path.split(".")[0] ?? null);
  return {
    name: v.name,
    kind: v.kind,
    visitCadenceDays: (v.visitCadenceDays as number | null) ?? null,
    confidential: v.confidential === true,
    address: (v.address as string | null) || null,
    agreements: (v.agreements as string | null) || null,
  };
}

function receiptRecord(row: RowReader, v: Values, lookups: ImportLookups, userId: string): Values | null {
  let receivedAt: Date | null = null;
  if (typeof v.receivedOn === "string") {
    const [year, month, date] = v.receivedOn.split("-").map(Number) as [number, number, number];
    receivedAt = instantAtWallTime(year, month, date, 12 * 60, lookups.dateRule.timeZone);
    dateProblem(row, "receivedOn", happenedOnProblem(v.receivedOn, lookups.dateRule));
  }
  checkWithInput(
    row,
    receiveMaterialInput,
    { item: v.item, quantity: v.quantity, source: v.source },
    (path) => path.split(".")[0] ?? null,
  );
  return { item: v.item, quantity: v.quantity, source: v.source, receivedAt, recordedById: userId };
}

function workshopRecord(row: RowReader, v: Values, lookups: ImportLookups, userId: string): Values | null {
  let heldOn: Date | null = null;
  if (typeof v.heldOn === "string") {
    heldOn = new Date(`${v.heldOn}T00:00:00.000Z`);
    dateProblem(row, "heldOn", happenedOnProblem(v.heldOn, lookups.dateRule));
  }
  const facilitatorIds = (v.facilitators as string[] | null)?.length
    ? (v.facilitators as string[])
    : [userId];
  const input = {
    kind: v.kind,
    topic: v.topic,
    audience: v.audience,
    place: v.place,
    heldOn,
    durationMinutes: v.durationMinutes ?? null,
    participants: v.participants,
    requestedBy: v.requestedBy,
    facilitatorIds,
    note: v.note ?? null,
  };
  checkWithInput(row, recordWorkshopInput, input, (path) => {
    const first = path.split(".")[0] ?? null;
    return first === "facilitatorIds" ? "facilitators" : first;
  });
  return {
    kind: v.kind,
    topic: v.topic,
    audience: v.audience,
    place: v.place,
    heldOn,
    durationMinutes: (v.durationMinutes as number | null) ?? null,
    participants: v.participants,
    requestedBy: v.requestedBy,
    facilitatorIds,
    recordedById: userId,
    note: (v.note as string | null) || null,
  };
}

export interface AnalysisInput {
  sheet: Sheet;
  shape: RecordShapeName;
  mapping: readonly ColumnMapping[];
  lookups: ImportLookups;
  locale: Locale;
  userId: string;
  now: Date;
  /** Which of these source references are already in the organisation (import-lookups.ts). */
  alreadyImported: (references: string[]) => Promise<Set<string>>;
}

/** Every row checked; the rows to create when none has a problem. */
export async function analyseRows(input: AnalysisInput): Promise<ImportAnalysis> {
  const { sheet, shape, mapping, lookups, locale } = input;
  const definitions = new Map(shapeDefinitions[shape].columns.map((column) => [column.key, column]));
  const fields = new Map<string, MappedField>();
  for (const entry of mapping) {
    fields.set(entry.field, {
      key: entry.field,
      column: entry.column,
      index: sheet.headers.indexOf(entry.column),
      definition: definitions.get(entry.field) ?? null,
    });
  }
  const perItem = [...fields.values()].filter((field) => materialCodeOfField(field.key));
  const problems = new ProblemList(locale);
  const headerLine = (sheet.rows[0]?.line ?? 2) - 1;
  for (const column of shapeDefinitions[shape].columns) {
    if (column.required && !fields.has(column.key))
      problems.add(headerLine, null, null, "MISSING_COLUMN", { field: column.header[locale] });
  }
  const missingColumns = problems.listed.length;

  // Each row's source reference: its reference cell, else a hash of its mapped values and its
  // occurrence among identical rows of the file.
  const readers = sheet.rows.map(
    (sheetRow) => new RowReader(sheet, fields, sheetRow.line, sheetRow.cells, problems, locale),
  );
  const occurrences = new Map<string, number>();
  const linesByReference = new Map<string, number>();
  const references: (string | null)[] = readers.map((row) => {
    const given = row.has("reference") && !row.isFormula("reference") ? row.text("reference") : "";
    if (given) {
      const first = linesByReference.get(given);
      if (first !== undefined) {
        row.problem("reference", "DUPLICATE_REFERENCE", { line: first });
        return null;
      }
      linesByReference.set(given, row.line);
      return given.length > 200 ? null : given;
    }
    const hash = hashOf([...fields.keys()].sort().map((key) => [key, row.text(key)]));
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `#${hash}:${occurrence}`;
  });
  const known = await input.alreadyImported(references.filter((ref): ref is string => ref !== null));

  const toCreate: PreparedRecord[] = [];
  let alreadyImported = 0;
  let rowsWithProblems = 0;
  readers.forEach((row, index) => {
    const sourceRef = references[index];
    if (sourceRef && known.has(sourceRef)) {
      alreadyImported += 1;
      return;
    }
    const values: Values = {};
    for (const [key, field] of fields) {
      const definition =
        field.definition ??
        (materialCodeOfField(key)
          ? ({
              key,
              header: { fr: key, en: key },
              required: false,
              kind: { type: "integer", min: 0, max: 10_000 },
              description: { fr: "", en: "" },
              example: { fr: "", en: "" },
            } satisfies ColumnDefinition)
          : null);
      if (!definition || key === "reference") continue;
      const value = read(row, definition, lookups);
      if (value !== missing) values[key] = value;
      else values[key] = undefined;
    }
    // The shape's own rules (dates, a person's head count…) run whatever the cells said, so a
    // row's every problem is listed; its zod input only on a row that had none.
    row.checksInput = missingColumns === 0;
    const record =
      shape === "PERSONS"
        ? personRecord(row, values, input.userId, input.now)
        : shape === "ENCOUNTERS"
          ? encounterRecord(row, values, lookups, perItem)
          : shape === "VENUES"
            ? venueRecord(row, values)
            : shape === "MATERIAL_RECEIPTS"
              ? receiptRecord(row, values, lookups, input.userId)
              : workshopRecord(row, values, lookups, input.userId);
    if (row.problemCount > 0 || !record || !sourceRef) {
      rowsWithProblems += 1;
      return;
    }
    toCreate.push({ line: row.line, sourceRef, id: randomUUID(), record });
  });
  return {
    rows: sheet.rows.length,
    toCreate: missingColumns > 0 ? [] : toCreate,
    alreadyImported,
    rowsWithProblems,
    // By line (a duplicated reference is found before the rows are read), a row's in column order.
    problems: problems.listed.sort((a, b) => a.line - b.line),
    moreProblems: problems.more,
  };
}
