/**
 * What an operation's mutation fields came to, kept in one object that every copy of the
 * request's context shares. Apollo hands resolvers and plugins a shallow copy of the context the
 * HTTP handler built, so a flag set on the context itself never reaches the handler that commits
 * or rolls back the transaction: a field of this object does.
 *
 * An operation is atomic: one failed mutation field — a GraphQL error or a typed error answered
 * as data (an AppError member of its result union) — voids every other (http/atomic-operation.ts
 * decides and shapes the answer; mutation-outcome-plugin.ts records each field).
 */
import type { TransactionClient } from "@maillage/db";

export interface MutationFieldOutcome {
  /** The field's response key (its alias, or its name). */
  key: string;
  /** What it failed with (an AppError answered as data, or a thrown error); null if it succeeded. */
  failure: unknown;
  /** It did not run: an earlier field of the operation had already failed. */
  skipped: boolean;
}

export class OperationOutcome {
  /** Root mutation fields in the order they ended. */
  readonly fields: MutationFieldOutcome[] = [];
  /**
   * Decided once the answer is known (http/atomic-operation.ts). Anything but "commit" rolls the
   * request's transaction back — also an answer Apollo gave before any plugin ran, when nothing
   * was executed.
   */
  decision: "commit" | "rollBack" | null = null;
  /**
   * Writes that must outlive a rollback, replayed in a transaction of their own after it: a
   * failed sign-in attempt feeds the throttle whatever else the operation did.
   */
  readonly keptOnRollback: ((tx: TransactionClient) => Promise<void>)[] = [];
  /**
   * The names of the operation's root fields (a fragment spread at the root reads "…"), set by
   * http/atomic-operation.ts: some answers are never kept for an Idempotency-Key (idempotency.ts).
   */
  rootFields: string[] = [];

  get failed(): boolean {
    return this.fields.some((field) => field.failure !== null);
  }

  record(key: string, failure: unknown, skipped = false): void {
    this.fields.push({ key, failure, skipped });
  }
}
