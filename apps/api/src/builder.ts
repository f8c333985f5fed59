import type { PrismaClient } from "@maillage/db";
import type PrismaTypes from "@maillage/db/pothos-types";
import { getDatamodel } from "@maillage/db/pothos-types";
import { type RoleName, workingRoles, holdsAnyRole } from "@maillage/domain";
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { Context, SignedInContext } from "./context.ts";
import { dateScalar, dateTimeScalar } from "./scalars.ts";

/**
 * The one Pothos builder: configuration only. Scope-auth comes first so authorization runs
 * before any other plugin's resolver wrapping.
 *
 * Scopes (the permission registry, each checked once per request and parameter):
 * - `signedIn`: a valid session.
 * - `role`: holds this role in the acting organisation.
 * - `workingRole`: outreach worker, nurse or coordinator of the acting organisation (an org
 *   admin alone, or a committee member, works with no person's file).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    role: RoleName;
    workingRole: boolean;
  };
  AuthContexts: {
    signedIn: SignedInContext;
  };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    // A refused check looks like "not found" to the caller.
    unauthorizedError: () => new Error("NOT_FOUND"),
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      role: (role) => context.viewer?.roles.includes(role) ?? false,
      workingRole: holdsAnyRole(context.viewer?.roles ?? [], workingRoles),
    }),
  },
  prisma: {
    // Every Prisma query of a request runs in that request's viewer-scoped transaction.
    client: (context) => context.tx as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
  errors: {
    defaultTypes: [],
  },
});

builder.addScalarType("DateTime", dateTimeScalar);
builder.addScalarType("Date", dateScalar);
builder.queryType({});
builder.mutationType({});
