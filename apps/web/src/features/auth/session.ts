import { useQuery, useQueryClient } from "@tanstack/react-query";
import { graphql, setCsrfToken } from "../../app/graphql.ts";

export type Role = "OUTREACH_WORKER" | "NURSE" | "COORDINATOR" | "ORG_ADMIN";

export interface Organisation {
  id: string;
  name: string;
  kind: "COMMUNITY_GROUP" | "PUBLIC_HEALTH" | "OTHER_PARTNER";
}

export interface Me {
  user: { id: string; email: string; displayName: string; locale: string };
  actingOrganisation: Organisation | null;
  roles: Role[];
  memberships: { organisation: Organisation; roles: Role[] }[];
  committeeSeats: { partnership: { id: string; name: string } }[];
  csrfToken: string;
}

export const meFields = `
  user { id email displayName locale }
  actingOrganisation { id name kind }
  roles
  memberships { organisation { id name kind } roles }
  committeeSeats { partnership { id name } }
  csrfToken
`;

export const meQueryKey = ["me"] as const;

export async function fetchMe(): Promise<Me | null> {
  const data = await graphql<{ me: Me | null }>(`query Me { me { ${meFields} } }`);
  setCsrfToken(data.me?.csrfToken ?? null);
  return data.me;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user (screens below the app frame are only shown when signed in). */
export function useViewer(): Me {
  const client = useQueryClient();
  const me = client.getQueryData<Me | null>(meQueryKey);
  if (!me) throw new Error("useViewer outside a signed-in screen");
  return me;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return roles.some((role) => me.roles.includes(role));
}
