// pnpm --filter @maillage/db migrate | seed — against DATABASE_URL (required).
import { prepareDatabase } from "./index.ts";

const command = process.argv[2];
const url = process.env.DATABASE_URL;
if (!url || (command !== "migrate" && command !== "seed")) {
  console.error("Usage: DATABASE_URL=postgresql://… tsx src/admin/cli.ts migrate|seed");
  process.exit(2);
}
const result = await prepareDatabase(url, { seedIfEmpty: command === "seed" });
console.log(`Applied: ${result.applied.join(", ") || "nothing new"}`);
if (result.seeded) console.log(`Seeded: ${JSON.stringify(result.seeded)}`);
