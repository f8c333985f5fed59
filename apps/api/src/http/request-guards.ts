/**
 * Checks an operation must pass before any field runs (an Apollo plugin): a signed-in mutation
 * proves it comes from our page, and a "see as partner" preview is alone in its operation.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { errorMessages } from "@maillage/domain";
import { GraphQLError } from "graphql";
import type { Context } from "../context.ts";
import { previewSharesOperation } from "../modules/partner-preview/preview-alone.ts";

export const requestGuards: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue: context, operation, document }) {
        if (!operation) return;
        if (previewSharesOperation(operation, document)) {
          throw new GraphQLError(errorMessages[context.locale].PREVIEW_NOT_ALONE, {
            extensions: { code: "PREVIEW_NOT_ALONE", http: { status: 400 } },
          });
        }
        // The session's CSRF token in x-csrf-token (double submit). Queries may run without it —
        // the page learns the token from `me` — and cross-site requests are refused by Origin
        // (graphql-handler.ts) and SameSite. Signing in needs no token: there is no session yet.
        const onlySignIn = operation.selectionSet.selections.every(
          (field) => field.kind === "Field" && field.name.value === "signIn",
        );
        if (operation.operation === "mutation" && context.viewer && !context.csrfVerified && !onlySignIn) {
          throw new GraphQLError(errorMessages[context.locale].CSRF, {
            extensions: { code: "CSRF", http: { status: 403 } },
          });
        }
      },
    };
  },
};
