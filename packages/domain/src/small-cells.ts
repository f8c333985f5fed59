/**
 * Small-cell suppression for committees (DESIGN.md §3, rule 4): every count under 5 is shown as
 * "< 5", and when a table shows its total, enough other cells are hidden too (complementary
 * suppression) that no hidden count can be worked out by subtraction.
 */
export const smallCellThreshold = 5;

export type Cell = { key: string; count: number | null };

export interface SuppressedTable {
  cells: Cell[];
  /** Null when the total itself is small. */
  total: number | null;
}

export function suppressSmallCells(
  counts: Record<string, number>,
  threshold = smallCellThreshold,
): SuppressedTable {
  const entries = Object.entries(counts);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total < threshold) {
    return { cells: entries.map(([key]) => ({ key, count: null })), total: null };
  }
  const hidden = new Set(entries.filter(([, count]) => count > 0 && count < threshold).map(([key]) => key));
  // One hidden cell next to a shown total would be total − the others: hide the next smallest
  // as well. (Zeros are hidden too when they are the only complement: a zero is information.)
  if (hidden.size === 1) {
    const complement = entries.filter(([key]) => !hidden.has(key)).sort(([, a], [, b]) => a - b)[0];
    if (complement) hidden.add(complement[0]);
  }
  return { cells: entries.map(([key, count]) => ({ key, count: hidden.has(key) ? null : count })), total };
}
