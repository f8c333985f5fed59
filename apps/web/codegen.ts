import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The web's GraphQL types, generated from the API's printed schema (`pnpm generate`, run by
 * Turborepo before the web's typecheck and build). Every `graphql(…)` document in src/ gets its
 * result and variables types; a field removed from the schema fails the web's typecheck.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  // Every typed `graphql(…)` document of the app.
  documents: ["src/**/*.{ts,tsx}", "!src/generated/**"],
  ignoreNoDocuments: true,
  generates: {
    // Every enum of the schema as a string union, used or not by a document yet: the label maps
    // (app/i18n/enum-labels.ts) are typed against these, so a new value needs its label.
    "src/generated/enums.ts": {
      plugins: ["typescript"],
      config: { onlyEnums: true, enumsAsTypes: true, useTypeImports: true },
    },
    "src/generated/": {
      preset: "client",
      presetConfig: {
        gqlTagName: "graphql",
        // Components read the fields they asked for; masking would add a useFragment step for
        // no gain in an app this size.
        fragmentMasking: false,
      },
      config: {
        // We POST the query text with fetch: a typed string, no DocumentNode to parse or ship.
        documentMode: "string",
        // Enums as string unions: no runtime object, and a value the schema drops fails the
        // typecheck of every label map (Record<Enum, string>) that still names it.
        enumType: "string-literal",
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: "string", Date: "string", ID: "string" },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        nonOptionalTypename: false,
      },
    },
  },
};

export default config;
