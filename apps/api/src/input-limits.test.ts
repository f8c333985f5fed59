import { readFileSync } from "node:fs";
import { repositoryRoot } from "@maillage/db";
import { columnLengths } from "@maillage/domain/inputs";
import { describe, expect, it } from "vitest";

/** `Model.field` → n, for every `@db.VarChar(n)` column of prisma/schema.prisma. */
function varcharLengths(schema: string): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, field, length] of (body ?? "").matchAll(
      /^\s+(\w+)\s+String(?:\[\])?\??\s.*@db\.VarChar\((\d+)\)/gm,
    )) {
      lengths.set(`${model}.${field}`, Number(length));
    }
  }
  return lengths;
}

const schema = readFileSync(`${repositoryRoot()}/prisma/schema.prisma`, "utf8");
const database = varcharLengths(schema);

describe("input limits", () => {
  it("reads the schema's text columns (the check below would pass on none)", () => {
    expect(database.get("Person.alias")).toBe(80);
  });

  it.each(Object.entries(columnLengths))(
    "%s holds at most %i characters, as in the database",
    (column, length) => {
      expect(database.get(column), `no VarChar column ${column} in prisma/schema.prisma`).toBe(length);
    },
  );
});
