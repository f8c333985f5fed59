export * from "./errors.ts";
export * from "./field-work.ts";
export * from "./locale.ts";
export * from "./permissions.ts";
export * from "./referrals.ts";
export * from "./roles.ts";
export * from "./sign-in-throttle.ts";
