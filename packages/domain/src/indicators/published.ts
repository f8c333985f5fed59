/**
 * The indicators as they are answered and exported: what the dashboard, the CSV and the PDF
 * annual report all read. For a partnership (its committee, and coordinators of its member
 * organisations) every value is already protected (suppression done in the API, from a snapshot);
 * for one organisation (its coordinators) values are exact and live.
 *
 * A value is a count, or null when suppressed (shown "x" with a footnote, primary and
 * complementary alike). A true zero is 0 and is shown.
 */
import type { Locale } from "../locale.ts";

export type Bilingual = Record<Locale, string>;

/** One period: the fiscal year's bounds as instants (to is exclusive), and how it is named. */
export interface PublishedPeriod {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
  /** The fiscal year it lies in (the year it starts in). */
  fiscalYear: number;
  /** First and last fiscal quarter (1–4) when the period is made of quarters; null for a custom range. */
  quarters: [number, number] | null;
  /** "2018–2019", "T1 2018–2019", "1 avril 2018 – 30 juin 2018"… */
  label: Bilingual;
}

export interface PublishedCell {
  /** A vocabulary code (CONDOMS, VIDEO, AGE_18_25…) or a catalogue code. */
  key: string;
  label: Bilingual;
  /** Null: suppressed. */
  count: number | null;
  /** count / the table's denominator, 0–1 (null when either is suppressed or the denominator is 0). */
  share: number | null;
  previousCount: number | null;
  previousShare: number | null;
}

export interface PublishedTable {
  /** The indicator's stable name (registry.ts), e.g. "encountersByChannel". */
  name: string;
  /** The report's section it belongs to (registry.ts `indicatorSections`). */
  section: string;
  title: Bilingual;
  /** What is counted and how, stated in the UI and in the report. */
  definition: Bilingual;
  /** What a share is taken of ("Rencontres de la période"), or null when the table shows no share. */
  denominator: Bilingual | null;
  /** The denominator's value (null when suppressed), and the previous period's. */
  denominatorCount: number | null;
  previousDenominatorCount: number | null;
  /** The unit counted: "encounters", "persons", "items", "visits", "referrals", "days"… */
  unit: string;
  /** True when a cell may count the same encounter or person as another cell (themes): shares may add to more than 100 %. */
  overlapping: boolean;
  cells: PublishedCell[];
}

/** A headline number (persons met, encounters, anonymous contacts…). */
export interface PublishedFigure {
  name: string;
  section: string;
  title: Bilingual;
  definition: Bilingual;
  unit: string;
  value: number | null;
  previousValue: number | null;
}

/** One month of the period: totals for the trend charts. */
export interface PublishedMonth {
  /** "2018-04" (the month in the programme's time zone). */
  month: string;
  encounters: number | null;
  contacts: number | null;
  personsMet: number | null;
}

export interface PublishedIndicators {
  scope: { kind: "ORGANISATION" | "PARTNERSHIP"; name: string };
  period: PublishedPeriod;
  /** The period before (the previous fiscal year, quarter, or the same range a year earlier). */
  previous: PublishedPeriod | null;
  /** True for a partnership's figures: small counts suppressed. */
  suppressed: boolean;
  /** Counts from 1 to threshold − 1 are suppressed (default 5). */
  threshold: number;
  /** When the snapshot these figures come from was computed (ISO); null: live (one organisation's). */
  asOf: string | null;
  /** The programme's time zone, for dates in the report. */
  timeZone: string;
  /** The rule of "regular follow-up": met at least this many times in the period. */
  followUpMinEncounters: number;
  figures: PublishedFigure[];
  tables: PublishedTable[];
  monthly: PublishedMonth[];
}
