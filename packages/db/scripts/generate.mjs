// Generates the Prisma client and the Pothos types from prisma/schema.prisma without any
// download: `prisma generate` only checks that a schema-engine binary exists, it never runs
// it, so any existing file will do (see shared TOOLCHAIN notes).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const schema = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
const cli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate", "--schema", schema], {
  stdio: "inherit",
  env: {
    ...process.env,
    // the Pothos generator is a bin of this package
    PATH: `${fileURLToPath(new URL("../node_modules/.bin", import.meta.url))}:${process.env.PATH}`,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
