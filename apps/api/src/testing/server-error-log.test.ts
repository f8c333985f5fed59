import { describe, expect, it } from "vitest";
import { ServerErrorLog } from "./server-error-log.ts";

describe("the test server's error log", () => {
  it("fails on an error nobody declared, and forgets it once checked", () => {
    const log = new ServerErrorLog();
    log.log("Unexpected error in a GraphQL operation", new TypeError("x is undefined"));
    expect(() => log.check()).toThrow(
      /unexpected server error — Unexpected error in a GraphQL operation: TypeError: x is undefined/,
    );
    expect(() => log.check()).not.toThrow();
  });

  it("accepts a declared error once, and fails when a declared one did not happen", () => {
    const log = new ServerErrorLog();
    log.expect("the database is stopped on purpose", /Connection terminated/);
    log.log("Request failed", new Error("Connection terminated unexpectedly"));
    expect(() => log.check()).not.toThrow();
    log.expect("one declared", /boom/);
    log.log("Request failed", new Error("boom"));
    log.log("Request failed", new Error("boom"));
    expect(() => log.check()).toThrow(/unexpected server error — Request failed: Error: boom/);
    log.expect("never happens", /nothing/);
    expect(() => log.check()).toThrow(/declared server error did not happen — never happens/);
  });
});
