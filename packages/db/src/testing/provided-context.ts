// What the global setup provides to every test (vitest's inject()).
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "server" | "embedded";
  }
}

export {};
