// Which failures are "PostgreSQL could not be reached" (503 UNAVAILABLE, nothing saved, retry) and
// which are not (INTERNAL): the shapes pg, Prisma's driver adapter and Prisma itself throw.
import { describe, expect, it } from "vitest";
import { databaseUnavailable } from "./transaction-outcome.ts";

const socket = (code: string) =>
  Object.assign(new Error(`connect ${code}`), { code, syscall: "connect", errno: -111 });

describe("databaseUnavailable", () => {
  it("recognises a server restarting, a refused or lost connection, under any wrapper", () => {
    for (const error of [
      socket("ECONNREFUSED"),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is shutting down"), { code: "57P03" }),
      Object.assign(new Error("Database error"), {
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } },
      }),
      Object.assign(new Error("wrapped"), {
        meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
      }),
      Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("outer", { cause: new Error("Connection terminated") }),
      { originalError: Object.assign(new Error("connection failure"), { code: "08006" }) },
    ])
      expect(databaseUnavailable(error), String((error as Error).message)).toBe(true);
  });

  it("leaves every other failure alone", () => {
    for (const error of [
      new Error("boom"),
      Object.assign(new Error("duplicate key"), { code: "23505" }),
      Object.assign(new Error("canceling statement"), { code: "57014" }),
      { message: "Connection terminated" },
      null,
      "Connection terminated",
    ])
      expect(databaseUnavailable(error)).toBe(false);
  });
});
