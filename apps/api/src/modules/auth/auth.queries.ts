import { builder } from "../../builder.ts";
import { MeRef } from "./auth.types.ts";
import { loadMe } from "./me.ts";

builder.queryField("me", (t) =>
  t.field({
    type: MeRef,
    nullable: true,
    description: "The signed-in user, or null when signed out.",
    resolve: (_root, _args, ctx) => (ctx.viewer ? loadMe(ctx.tx, ctx.viewer) : null),
  }),
);
