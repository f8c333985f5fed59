/**
 * Record shapes: the tables a programme's spreadsheets hold (issue 16 items 3–4), declared ONCE
 * and read by both sides of the import/export contract:
 * - the import (apps/api/src/modules/imports: column mapping, validation, templates) and
 * - the export (helper D: headers and values), so an exported file re-imports unchanged into the
 *   same organisation and adds 0 rows.
 *
 * What is here (pure, no I/O):
 * - shapes.ts — per shape (PERSONS, ENCOUNTERS, VENUES, MATERIAL_RECEIPTS, WORKSHOPS) its columns:
 *   `key` (the mapping's field), fr/en `header` (templates, exports, suggested mapping), other
 *   recognised `aliases`, `required`, `kind` (text(max), date, time, integer(min,max), boolean,
 *   vocabulary, catalogue list, quantities `CODE:12; CODE2:3`, record (a person or venue by
 *   import reference or alias/name), member (e-mail), language), `list` (";"-separated), fr/en
 *   `description`, an `example`. Every shape starts with the optional `reference` column: the
 *   stable source reference a row is keyed by (else a hash of its values and its occurrence
 *   among identical rows). Limits: maxImportFileBytes (10 MB), maxImportRows (20,000),
 *   maxListedProblems (500 listed, the report says how many more).
 *   ENCOUNTERS also maps one field per MATERIAL item of the organisation's catalogue,
 *   `materials.<CODE>` (materialQuantityField), for tally sheets with a column per item.
 * - vocabulary-labels.ts — the fr/en labels of the vocabularies the shapes use (also the web's
 *   enum labels): a cell may hold a value's code or either label.
 * - cell-values.ts — how a cell is read: comparableLabel (accents, case, punctuation aside),
 *   vocabularyValue, parseDayAndTime/parseDay (YYYY-MM-DD only: 04/05/2018 is ambiguous),
 *   parseTimeOfDay (14:30, 14h30), parseWholeNumber, parseYesNo, parseQuantities,
 *   looksLikeFormula (a CSV cell starting with "=" is a formula and refused; "+", "-", "@" are
 *   read as text, and an export neutralises them all).
 * - mapping.ts — suggestMapping from the file's headers (fr or en).
 * - problems.ts — why a file is refused (importFileProblems) and why a row is
 *   (importRowProblemCodes), with fr/en messages.
 * - templates.ts — a shape's template rows (headers + one example row) per language.
 *
 * Values written by an export: vocabulary values as their label in the file's language (a code
 * re-imports too), dates YYYY-MM-DD, times HH:MM, yes/no as oui/non or yes/no, lists joined by
 * "; ", materials as `CODE:12; CODE2:3` with catalogue codes, person and venue by the import
 * reference the record came from (else its id), members by e-mail.
 */
export * from "./cell-values.ts";
export * from "./mapping.ts";
export * from "./problems.ts";
export * from "./shapes.ts";
export * from "./templates.ts";
export * from "./vocabulary-labels.ts";
export { type LabelledVocabularyName, vocabularyLabels } from "./vocabulary-labels.ts";
