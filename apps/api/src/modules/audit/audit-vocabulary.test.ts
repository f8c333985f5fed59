// Every action and record kind the API writes in the audit log is in its vocabulary, so the log
// reads it in words (features/audit) and its filter offers it: a new audited mutation whose
// action is missing here fails this test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { auditActions, auditRecordKinds } from "@maillage/domain";
import { describe, expect, it } from "vitest";

const sourceRoot = join(import.meta.dirname, "..", "..");

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sources(path);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test.") ? [path] : [];
  });
}

function written(pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const file of sources(sourceRoot)) {
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}

describe("the audit vocabulary", () => {
  it("names every action the API writes", () => {
    const actions = written(/\baction: "([A-Z_]+)"/g);
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it("names every record kind the API writes", () => {
    const kinds = written(/\brecordKind: "([A-Z_]+)"/g);
    expect(kinds.length).toBeGreaterThan(8);
    expect(kinds.filter((kind) => !(auditRecordKinds as readonly string[]).includes(kind))).toEqual([]);
  });
});
