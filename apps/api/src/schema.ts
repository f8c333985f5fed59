import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";
import "./modules/errors/errors.types.ts";
import "./modules/organisations/organisations.types.ts";
import "./modules/auth/auth.types.ts";
import "./modules/auth/auth.queries.ts";
import "./modules/auth/auth.mutations.ts";

export const schema = builder.toSchema();

export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}
