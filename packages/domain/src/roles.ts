export const roles = ["OUTREACH_WORKER", "NURSE", "COORDINATOR", "ORG_ADMIN"] as const;
export type RoleName = (typeof roles)[number];

/** Roles that work with people's files. An ORG_ADMIN alone sees none (least privilege). */
export const workingRoles: readonly RoleName[] = ["OUTREACH_WORKER", "NURSE", "COORDINATOR"];

export function holdsAnyRole(held: readonly string[], wanted: readonly RoleName[]): boolean {
  return wanted.some((role) => held.includes(role));
}
