/** GraphQL documents of the audit log; their types come from schema.graphql (codegen). */
import type { ResultOf, VariablesOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export type AuditLogFilter = NonNullable<VariablesOf<typeof AuditLogQuery>["filter"]>;

export const auditKeys = {
  log: (filter: AuditLogFilter) => ["audit", "log", filter] as const,
  actors: ["audit", "actors"] as const,
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
          knownAction
          knownRecordKind
          userDisplayName
          identifyingWarningOverridden
          record {
            label
            at
            openId
          }
        }
      }
      pageInfo {
        ...NextPage
      }
    }
  }
`);

export type AuditEvent = ResultOf<typeof AuditLogQuery>["auditLog"]["edges"][number]["node"];

/** Who appears in the log: the member filter offers exactly them. */
export const AuditLogActorsQuery = graphql(`
  query AuditLogActors {
    auditLogActors {
      id
      displayName
    }
  }
`);
