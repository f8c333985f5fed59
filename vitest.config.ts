import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// One graphql for everyone: Apollo and Pothos load graphql's CommonJS build through Node,
// while Vite would hand our own files its ESM build ("module" field) — two realms, and
// graphql refuses a schema from the other one. Node itself (production) resolves the same.
const graphqlEntry = createRequire(new URL("./apps/api/package.json", import.meta.url)).resolve("graphql");

// Three tiers (STYLE.md): pure rules, integration through GraphQL on a real database, and
// people's flows in a real browser. The database is never mocked.
const databaseSetup = "./packages/db/src/testing/global-setup.ts";
// The embedded PostgreSQL runs one backend for every connection: run its files one at a time.
const embedded = !process.env.DATABASE_URL;

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts", "apps/*/src/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: [databaseSetup],
          fileParallelism: !embedded,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: [databaseSetup],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll gives up after 1 s by default: on a loaded machine a page's request takes
          // longer. Playwright's own waits allow 30 s; so does a poll of a page or of the database.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
