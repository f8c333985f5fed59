import { connectDatabase, type Database, viewerScopedTransaction } from "@maillage/db";
import { createPerson } from "@maillage/db/factories";
import type { Person } from "@maillage/db/prisma";
import { dataloaderGetter } from "@pothos/plugin-dataloader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePartnershipWorld } from "../testing/partnership-world.ts";
import { sessionSecretOf } from "../testing/rows.ts";
import { type PersonLookupContext, visiblePersonLoad } from "./person-loader.ts";

const world = usePartnershipWorld();
let db: Database;
let sessionToken: string;
let hiddenPersonId: string;

beforeAll(async () => {
  db = connectDatabase(world.server.databaseUrl, { poolSize: 1 });
  const worker = await world.signIn(world.owner.users.worker);
  sessionToken = sessionSecretOf(worker);
  hiddenPersonId = (await createPerson(world.pool, { organisationId: world.unrelated.id })).id;
});
afterAll(async () => {
  await db.close();
});

/**
 * The loader a `person` field gets (the dataloader plugin's, with this module's options), run in
 * a request's transaction for the owner's outreach worker.
 */
function asOwnerWorker<T>(work: (load: (id: string) => Promise<Person | null>) => Promise<T>): Promise<T> {
  return viewerScopedTransaction(db, sessionToken, (tx, viewer) => {
    const context: PersonLookupContext = { tx, viewer, now: new Date() };
    const loaderOf = dataloaderGetter<string, Person | null, string>(
      visiblePersonLoad.loaderOptions,
      (ids, ctx) => visiblePersonLoad.load(ids, ctx as PersonLookupContext),
      undefined,
      visiblePersonLoad.sort as (person: Person | null) => string,
    );
    const loader = loaderOf(context);
    return work((id) => loader.load(id));
  });
}

describe("the person a record points to", () => {
  it("is loaded for every record of a batch at once, and a hidden person reads as null", async () => {
    const [visible, hidden] = await asOwnerWorker((load) =>
      Promise.all([load(world.person.id), load(hiddenPersonId)]),
    );
    expect(visible?.alias).toBe(world.person.alias);
    expect(hidden).toBeNull();
  });

  it("is an error when the load fails, never a hidden person", async () => {
    // A failing statement (PostgreSQL refuses the key): every person of the batch must fail with
    // it. Taking the failure for "not visible" would answer null and hide a broken request.
    const outcome = asOwnerWorker((load) =>
      Promise.allSettled([load(world.person.id), load("not-a-uuid")]).then((results) =>
        results.map((result) => result.status),
      ),
    );
    await expect(outcome).resolves.toEqual(["rejected", "rejected"]);
  });
});
