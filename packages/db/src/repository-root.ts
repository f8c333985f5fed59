import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The checkout's root (the folder with pnpm-workspace.yaml), found by walking up from this
 * module, so paths hold both from the TypeScript sources and from the bundled API in dist/.
 */
export function repositoryRoot(from: string = fileURLToPath(import.meta.url)): string {
  let directory = dirname(from);
  while (!existsSync(join(directory, "pnpm-workspace.yaml"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    directory = parent;
  }
  return directory;
}
