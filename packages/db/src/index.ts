export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export * from "../generated/prisma/enums.ts";
export { type AuditEventInput, recordAuditEvents } from "./audit.ts";
export {
  asOwner,
  asSignInRole,
  beginRequest,
  connectDatabase,
  type Database,
  hashToken,
  type OrganisationViewer,
  readAsOrganisation,
  type TransactionClient,
  type Viewer,
  viewerScopedTransaction,
} from "./client.ts";
export { readinessProblem } from "./readiness.ts";
export { repositoryRoot } from "./repository-root.ts";
export { type ResolvedDatabase, resolveDatabase } from "./resolve-database.ts";
export {
  CommitOutcomeUnknownError,
  databaseUnavailable,
  RequestAbandonedError,
} from "./transaction-outcome.ts";
