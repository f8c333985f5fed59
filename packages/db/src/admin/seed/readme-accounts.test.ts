// The README's demo-accounts table (between its demo-accounts markers) names the seed's accounts
// (people.ts), in the same order, each with the role it holds: a new account or a changed role
// is written in both places.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "./people.ts";

const readme = readFileSync(new URL("../../../../../README.md", import.meta.url), "utf8");

function tableRows(): { email: string; role: string }[] {
  const start = readme.indexOf("<!-- demo-accounts:start -->");
  const end = readme.indexOf("<!-- demo-accounts:end -->");
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [email = "", role = ""] = line
        .split("|")
        .slice(1)
        .map((cell) => cell.trim());
      return { email: email.replaceAll("`", ""), role };
    });
}

const roleWords: Record<string, string> = {
  OUTREACH_WORKER: "Outreach worker",
  NURSE: "Nurse",
  COORDINATOR: "Coordinator",
  ORG_ADMIN: "Org admin",
};

describe("the README's demo accounts", () => {
  it("are the seed's, in its order, each with its role", () => {
    const rows = tableRows();
    expect(rows.map((row) => row.email)).toEqual(demoAccounts.map((account) => account.email));
    for (const account of demoAccounts) {
      const row = rows.find((r) => r.email === account.email);
      const firstRole = account.memberships[0]?.roles[0];
      const expected = account.committee ? "Follow-up committee member" : roleWords[firstRole ?? ""];
      expect(row?.role.startsWith(expected ?? "?"), `${account.email}: ${row?.role}`).toBe(true);
    }
  });
});
