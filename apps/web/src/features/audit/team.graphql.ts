import type { Role } from "../auth/session.ts";

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
}

export const teamQuery = "query Team { team { userId displayName email roles } }";
export const teamQueryKey = ["audit", "team"] as const;
