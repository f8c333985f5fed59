/** GraphQL documents of the audit log; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const auditKeys = {
  log: (userId: string, recordId: string) => ["audit", "log", userId, recordId] as const,
};

export const AuditLogQuery = graphql(`
  query AuditLog($after: String, $filter: AuditLogFilter) {
    auditLog(first: 50, after: $after, filter: $filter) {
      edges {
        node {
          id
          at
          action
          recordKind
          recordId
          userDisplayName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type AuditEvent = ResultOf<typeof AuditLogQuery>["auditLog"]["edges"][number]["node"];
