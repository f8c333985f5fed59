import { defineConfig } from "vitest/config";

// Three tiers (STYLE.md): pure rules, integration through GraphQL on a real database, and
// people's flows in a real browser. The database is never mocked.
const databaseSetup = "./packages/db/src/testing/global-setup.ts";
// The embedded PostgreSQL runs one backend for every connection: run its files one at a time.
const embedded = !process.env.DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
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
        test: {
          name: "e2e",
          include: ["apps/web/e2e/**/*.e2e.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: [databaseSetup],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
