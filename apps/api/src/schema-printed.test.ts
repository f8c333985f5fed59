import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { printedSchema } from "./schema.ts";

// schema.graphql is committed so that every API change is reviewed as a diff.
it("schema.graphql is the schema the code builds (run `pnpm generate` after an API change)", () => {
  const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
  expect(committed).toBe(`${printedSchema()}\n`);
});
