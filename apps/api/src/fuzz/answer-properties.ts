/**
 * What every answer to a mutation must be, whatever its input: never a 5xx or INTERNAL, every
 * error with a code of the catalogue (packages/domain/src/errors.ts) and the catalogue's message
 * for that code in the language asked for, field problems likewise.
 */
import { errorCodes, errorMessages, fieldErrorCodes, fieldErrorMessage, type Locale } from "@maillage/domain";
import { importFileProblemMessages } from "@maillage/domain/record-shapes";
import { IntlMessageFormat } from "intl-messageformat";

export interface Answer {
  status: number;
  /** The parsed body, or null when it was not JSON. */
  body: { data?: Record<string, unknown> | null; errors?: unknown[] } | null;
  text: string;
}

type Ast = ReturnType<IntlMessageFormat["getAst"]>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern matching every rendering of an ICU message, whatever its values. */
function astPattern(ast: Ast): string {
  return ast
    .map((element) => {
      switch (element.type) {
        case 0: // literal
          return escapeRegex(element.value);
        case 5: // select
        case 6: // plural
          return `(?:${Object.values(element.options)
            .map((option) => astPattern(option.value))
            .join("|")})`;
        case 7: // # in a plural
          return "[\\d\\s\u00a0\u202f,.]+";
        case 8: // tag
          return astPattern(element.children);
        default: // argument, number, date, time
          return ".+?";
      }
    })
    .join("");
}

/**
 * Codes whose message may be a more precise one from another catalogue of the same language
 * (an import file's refusal names its problem: record-shapes/problems.ts).
 */
const detailCatalogues: Record<string, Record<Locale, Record<string, string>>> = {
  IMPORT_FILE_REFUSED: importFileProblemMessages,
};

const patterns = new Map<string, RegExp>();

function patternOf(locale: Locale, template: string): RegExp {
  const key = `${locale}:${template}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^${astPattern(new IntlMessageFormat(template, locale).getAst())}$`, "s");
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Whether `message` is the catalogue's message for `code` in `locale` (any values). */
export function isCatalogueMessage(locale: Locale, code: string, message: unknown): boolean {
  if (typeof message !== "string") return false;
  const template = (errorMessages[locale] as Record<string, string | undefined>)[code];
  if (template === undefined) return false;
  const templates = [template, ...Object.values(detailCatalogues[code]?.[locale] ?? {})];
  return templates.some((candidate) => patternOf(locale, candidate).test(message));
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);
const knownFieldCodes: ReadonlySet<string> = new Set(fieldErrorCodes);

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** What an answer breaks of the properties (empty: none), and whether it is a refusal. */
export function judgeAnswer(
  answer: Answer,
  field: string,
  locale: Locale,
): { problems: string[]; refusal: boolean } {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (!answer.body) {
    problems.push(`HTTP ${answer.status} answered a body that is not JSON: ${answer.text.slice(0, 200)}`);
    return { problems, refusal: true };
  }
  const errors = answer.body.errors ?? [];
  for (const raw of errors) {
    const error = record(raw);
    const extensions = record(error?.extensions);
    const code = extensions?.code;
    const message = error?.message;
    if (typeof code !== "string") {
      problems.push(`an error without extensions.code: ${JSON.stringify(raw).slice(0, 300)}`);
      continue;
    }
    if (code === "INTERNAL") problems.push(`INTERNAL: ${String(message)}`);
    if (!knownCodes.has(code))
      problems.push(`code ${code} is not in the error catalogue (message: ${String(message)})`);
    else if (!isCatalogueMessage(locale, code, message)) {
      problems.push(`${code} answered "${String(message)}", not the ${locale} catalogue's message`);
    }
  }
  const payload = record(answer.body.data?.[field]);
  let typedError = false;
  if (payload && typeof payload.code === "string") {
    typedError = true;
    const { code, message } = payload;
    if (code === "INTERNAL") problems.push(`typed INTERNAL: ${String(message)}`);
    if (!isCatalogueMessage(locale, code, message)) {
      problems.push(`typed ${code} answered "${String(message)}", not the ${locale} catalogue's message`);
    }
    for (const rawProblem of Array.isArray(payload.fields) ? payload.fields : []) {
      const problem = record(rawProblem);
      const fieldCode = problem?.code;
      if (typeof fieldCode !== "string" || !knownFieldCodes.has(fieldCode)) {
        problems.push(`field problem with an unknown code: ${JSON.stringify(rawProblem)}`);
        continue;
      }
      const limit = typeof problem?.limit === "string" ? problem.limit.slice(0, 10) : null;
      const expected = fieldErrorMessage(locale, fieldCode as never, limit);
      if (problem?.message !== expected) {
        problems.push(
          `field ${String(problem?.path)} ${fieldCode} answered "${String(problem?.message)}", not "${expected}"`,
        );
      }
    }
  }
  const refusal =
    answer.status >= 400 || errors.length > 0 || typedError || answer.body.data?.[field] == null;
  return { problems, refusal };
}
