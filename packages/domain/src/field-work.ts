/** Rules of field work (DESIGN.md §1–2), pure and unit-tested. */

const dayMs = 86_400_000;

/** Lower case, accents and surrounding spaces removed: how aliases are searched and compared. */
export function aliasSearchKey(alias: string): string {
  // Recomposed after the marks are gone: a Hangul syllable decomposes into 2–3 jamo (no marks),
  // which must come back as one, or 30 syllables would not fit the 80 characters of the column.
  return alias
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Levenshtein distance, bounded: stops counting past `max` (returns max + 1). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // One row of the table at a time; `diagonal`, `above` and `left` are its three neighbours.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let distance = b.length;
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let diagonal = i - 1;
    let left = i;
    let rowMin = i;
    for (const [j, above] of previous.slice(1).entries()) {
      const cost = a[i - 1] === b[j] ? 0 : 1;
      const value = Math.min(above + 1, left + 1, diagonal + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
      diagonal = above;
      left = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
    distance = left;
  }
  return distance;
}

export interface DuplicateCandidate {
  id: string;
  aliasSearch: string;
  birthYear: number | null;
}

/**
 * Possible duplicates of a new file within the organisation: the same alias (whatever the birth
 * year: years are often guessed), or a similar alias (one or two letters apart, or one contained
 * in the other) with the same or an unknown birth year.
 */
export function possibleDuplicates<C extends DuplicateCandidate>(
  alias: string,
  birthYear: number | null,
  candidates: readonly C[],
): C[] {
  const key = aliasSearchKey(alias);
  return candidates.filter((candidate) => {
    if (candidate.aliasSearch === key) return true;
    if (birthYear !== null && candidate.birthYear !== null && candidate.birthYear !== birthYear) return false;
    const shorter = Math.min(key.length, candidate.aliasSearch.length);
    if (shorter >= 4 && (candidate.aliasSearch.includes(key) || key.includes(candidate.aliasSearch)))
      return true;
    const allowed = shorter <= 4 ? 1 : 2;
    return editDistance(key, candidate.aliasSearch, allowed) <= allowed;
  });
}

/** A venue is overdue when its visit cadence has passed since the last visit (or it never had one). */
export function venueIsOverdue(lastVisitAt: Date | null, cadenceDays: number | null, now: Date): boolean {
  if (cadenceDays === null || cadenceDays <= 0) return false;
  if (lastVisitAt === null) return true;
  return now.getTime() - lastVisitAt.getTime() > cadenceDays * dayMs;
}

/** The author of an encounter and the organisation's coordinators may change or delete it. */
export function mayChangeEncounter(
  viewer: { userId: string; roles: readonly string[] },
  encounter: { authorId: string },
): boolean {
  return encounter.authorId === viewer.userId || viewer.roles.includes("COORDINATOR");
}

/** How far back and ahead an encounter may be dated: the date rule of record-dates.ts. */
export const encounterLimits = {
  maxQuantity: 10_000,
  /** Items or services of one entry (a catalogue holds a few dozen). */
  maxCatalogueChoices: 60,
  /**
   * People in one anonymous group (a head count): a school assembly, a festival stand, a night of
   * outreach in a red-light district can reach hundreds. The column is a SmallInt (32,767).
   */
  maxHeadCount: 5_000,
  maxNoteLength: 4000,
} as const;
