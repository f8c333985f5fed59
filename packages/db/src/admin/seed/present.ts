/**
 * Look-ups the seed's own data guarantees: a key it has just stored, an index within its lists.
 * A missing value is a bug of the seed, reported at once rather than carried on as undefined.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The seed has no ${what}`);
  return value;
}

export function itemAt<T>(items: readonly T[], index: number): T {
  return present(items[index], `item ${index} of a list of ${items.length}`);
}
