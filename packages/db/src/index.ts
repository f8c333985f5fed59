export {
  asSignInRole,
  beginRequest,
  connectDatabase,
  hashToken,
  viewerScopedTransaction,
  type Database,
  type TransactionClient,
  type Viewer,
} from "./client.ts";
export { recordAuditEvents, type AuditEventInput } from "./audit.ts";
export { Prisma, PrismaClient } from "../generated/prisma/client.ts";
export * from "../generated/prisma/enums.ts";
export { resolveDatabase, type ResolvedDatabase } from "./resolve-database.ts";
