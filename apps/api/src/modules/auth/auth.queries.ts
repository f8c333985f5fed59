import { builder } from "../../builder.ts";
import { SessionEndedError } from "../../errors.ts";
import { MeRef } from "./auth.types.ts";
import { loadMe } from "./me.ts";
import { sessionEnded } from "./session-cookie.ts";

builder.queryField("me", (t) =>
  t.field({
    type: MeRef,
    nullable: true,
    description:
      "The signed-in user, or null when signed out; an ended session (expired, ended) is refused with UNAUTHENTICATED.",
    resolve: (_root, _args, ctx) => {
      if (sessionEnded(ctx.sessionToken, ctx.viewer)) throw new SessionEndedError(ctx.locale);
      return ctx.viewer ? loadMe(ctx.tx, ctx.viewer) : null;
    },
  }),
);
