// Production build of the API: one ESM bundle of our own code (apps and workspace packages,
// written in TypeScript); npm dependencies stay external and load from node_modules.
import { builtinModules, createRequire } from "node:module";
import { build } from "esbuild";

// Every npm package the bundle imports must load from apps/api's own node_modules, as it will in
// production (`pnpm start`): a workspace package's dependency missing from apps/api/package.json
// fails the build here, not the first request.
const fromApi = createRequire(new URL("./package.json", import.meta.url));
const external = new Set();

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: "external-npm-packages",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith("@maillage/")) return undefined;
          external.add(args.path);
          return { path: args.path, external: true };
        });
      },
    },
  ],
});

const unresolved = [...external].filter((path) => {
  if (path.startsWith("node:") || builtinModules.includes(path)) return false;
  const name = path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0];
  try {
    fromApi.resolve(`${name}/package.json`);
    return false;
  } catch {
    try {
      fromApi.resolve(path);
      return false;
    } catch {
      return true;
    }
  }
});
if (unresolved.length > 0) {
  console.error(
    `apps/api cannot load what its bundle imports: ${unresolved.join(", ")} (add to apps/api/package.json)`,
  );
  process.exit(1);
}
