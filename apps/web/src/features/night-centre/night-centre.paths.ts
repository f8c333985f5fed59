/** Where the night-centre screens live. */
export const nightCentrePath = "/centre-de-nuit";

export function eveningPath(id: string): string {
  return `${nightCentrePath}/soirees/${encodeURIComponent(id)}`;
}
