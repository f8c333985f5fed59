export * from "./intake-indicators.ts";
export * from "./periods.ts";
export * from "./published.ts";
export * from "./registry.ts";
