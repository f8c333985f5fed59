/**
 * Small-cell protection of the committee figures (statistical disclosure control), used by the
 * API only. The method, as the annual report's methods note prints it (`suppressionMethodNote`):
 *
 * 1. Primary suppression: every count from 1 to threshold − 1 (1–4 with the default threshold
 *    5) is suppressed. Zeros are always published: a true zero reads 0.
 * 2. The attacker: knows every published value of the fiscal year (the 10 quarter ranges, the
 *    12 months, every table, its margins and the totals shared between tables), every relation
 *    between them (a range is the sum of its quarters; the categories of a partition add up to
 *    the total; for distinct persons a year counts at least the persons of each quarter and at
 *    most their sum, with inclusion–exclusion over overlapping ranges), and that a suppressed
 *    cell is an integer ≥ 1.
 * 3. Audit by integer programming: for each suppressed cell, the smallest and largest values it
 *    can take over all integer solutions of these relations (HiGHS: linear programming, and
 *    branch and bound when the LP's optimum is fractional) — as τ-ARGUS audits linked tables.
 *    A cell is protected when at least `threshold` integers remain possible ([1, 5] is, [1, 4]
 *    is not, with threshold 5).
 * 4. Complementary suppression, audit-and-add: while a suppressed cell is not protected, hide
 *    the published non-zero cell that loosens what narrows it (in each relation that alone
 *    binds it, the cell creating fewest new exact disclosures, then the smallest, then by id;
 *    a margin or a total is a candidate too), then audit again. Hiding more only widens ranges,
 *    so proven cells stay proven; the loop ends, at worst with a whole connected component
 *    hidden (then every range is unbounded). Suppressed cells sharing no relation are audited
 *    separately, so large years stay fast.
 * Primary and complementary cells read the same ("x").
 *
 * Limits — what this does NOT protect: figures of different fiscal years are protected apart
 * (a change of the fiscal year's start month makes overlapping years whose differences are not
 * audited); custom day ranges are not published to committees for that reason; the attacker is
 * assumed not to know which suppressed cells are primary, nor to reason about the algorithm's
 * choices; distinct-person counts are bounded by the relations above, not by every consequence
 * of persons' quarter-by-quarter attendance; and knowledge from outside the published figures
 * (one organisation knowing its own counts) is not modelled.
 *
 * @module
 */

/** The default threshold: counts from 1 to threshold − 1 (1–4) are suppressed for committees. */
export const smallCellThreshold = 5;

export {
  cellId,
  fiscalMonths,
  fiscalYearLattice,
  type LatticeFigureInput,
  type LatticeSeriesInput,
  type LatticeTableInput,
  monthCellId,
  quarterRanges,
  rangeKey,
  tableTotalId,
  totalCellId,
} from "./lattice.ts";
export { suppressionMethodNote } from "./method-note.ts";
export {
  type CompiledProblem,
  compileProblem,
  DisclosureInputError,
  type ProtectedCellInput,
  type Protection,
  type ProtectionProblem,
  type Relation,
} from "./problem.ts";
export {
  type AttackerBounds,
  attackerBounds,
  protect,
} from "./protect.ts";
