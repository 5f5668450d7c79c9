import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presetProfile } from "../../lib/compare/presets";
import { callAction, cookieHeader, readServerActions, signInOverHttp, type ServerAction } from "../../scripts/lib/server-actions";
import { createPasswordUser } from "./support/users";
import { startApp, startDatabase, type AppProcess, type TestDatabase } from "./support/system";

/** Two `next start` processes on one PostgreSQL, as behind a load balancer. */
let database: TestDatabase;
let instanceA: AppProcess;
let instanceB: AppProcess;
const actions = readServerActions();
const action = (name: string): ServerAction => actions.get(name)!;
const FAMILY = presetProfile("couple-avec-enfants");

beforeAll(async () => {
  database = await startDatabase();
  [instanceA, instanceB] = await Promise.all([startApp(database.url), startApp(database.url)]);
});
afterAll(async () => {
  await Promise.all([instanceA?.kill(), instanceB?.kill()]);
  await database?.remove();
});

async function rankedOfferIds(app: AppProcess): Promise<string[]> {
  const response = await callAction(app.baseUrl, action("compareAction"), [{ profile: FAMILY }]);
  const value = response.value as { ok: boolean; data?: { offers: { offerId: string }[] } };
  expect(value.ok).toBe(true);
  return value.data!.offers.map((offer) => offer.offerId);
}

async function adminCall<T>(app: AppProcess, cookie: string, name: string, input: unknown, page: string): Promise<T> {
  const response = await callAction(app.baseUrl, action(name), [input], { cookie, page });
  const result = response.value as { ok: boolean; data?: T; message?: string };
  if (!result?.ok) throw new Error(`${name} refused: ${result?.message ?? response.body.slice(0, 300)}`);
  return result.data!;
}

describe("two instances on one database", () => {
  it("an offer published through A is used by a comparison on B within one second", async () => {
    const admin = await createPasswordUser(database, "ADMIN");
    const cookie = await signInOverHttp(instanceA.baseUrl, admin.email, admin.password);
    const [sourceRow] = await database.query<{ id: string }>(`SELECT "id" FROM "Offer" WHERE "status" = 'PUBLISHED' ORDER BY "id" LIMIT 1`);
    const sourceId = sourceRow!.id;
    const newId = `${sourceId}-bis`;

    // B has scored the catalogue already, so what follows proves its cache is refreshed, not filled.
    const before = await rankedOfferIds(instanceB);
    expect(before).not.toContain(newId);

    const draft = await adminCall<{ version: number }>(instanceA, cookie, "duplicateOfferAction", { sourceId, id: newId, formula: "Formule publiée sur A" }, `/admin/offres/${sourceId}`);
    expect(await rankedOfferIds(instanceB)).not.toContain(newId);
    await adminCall(instanceA, cookie, "setOfferStatusAction", { id: newId, status: "PUBLISHED", expectedVersion: draft.version }, `/admin/offres/${newId}`);
    const published = Date.now();

    let seenAfterMs = -1;
    while (Date.now() - published < 5_000) {
      if ((await rankedOfferIds(instanceB)).includes(newId)) {
        seenAfterMs = Date.now() - published;
        break;
      }
    }
    console.log(JSON.stringify({ publishedOnAVisibleOnBAfterMs: seenAfterMs }));
    expect(seenAfterMs).toBeGreaterThanOrEqual(0);
    expect(seenAfterMs).toBeLessThan(1_000);
  });

  it("a session opened on A works on B, and signing out on B ends it on A", async () => {
    const user = await createPasswordUser(database);
    const cookie = await signInOverHttp(instanceA.baseUrl, user.email, user.password);

    for (const instance of [instanceA, instanceB]) {
      const account = await fetch(`${instance.baseUrl}/compte`, { headers: { cookie }, redirect: "manual" });
      expect(account.status).toBe(200);
      expect(await account.text()).toContain(user.email);
    }

    const csrf = await fetch(`${instanceB.baseUrl}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signOut = await fetch(`${instanceB.baseUrl}/api/auth/signout`, {
      method: "POST",
      headers: { cookie: `${cookie}; ${cookieHeader(csrf.headers.getSetCookie())}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
      redirect: "manual",
    });
    expect(signOut.status).toBeLessThan(400);

    // The old cookie, replayed on the other instance, no longer opens the account.
    const replay = await fetch(`${instanceA.baseUrl}/compte`, { headers: { cookie }, redirect: "manual" });
    expect(replay.status).toBe(307);
    expect(replay.headers.get("location")).toContain("/connexion");
  });

  it("the wrong-password limit is shared: five failures spread over A and B lock the account on both", async () => {
    const user = await createPasswordUser(database);
    const attempt = async (instance: AppProcess, password: string) => {
      const csrf = await fetch(`${instance.baseUrl}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${instance.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { cookie: cookieHeader(csrf.headers.getSetCookie()), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: user.email, password, json: "true" }).toString(),
        redirect: "manual",
      });
      const { url } = (await response.json()) as { url: string };
      return { error: new URL(url).searchParams.get("error"), signedIn: response.headers.getSetCookie().some((line) => line.includes("session-token=") && !line.includes("session-token=;")) };
    };

    for (const instance of [instanceA, instanceB, instanceA, instanceB, instanceA]) {
      expect((await attempt(instance, "mauvais-mot-de-passe")).error).toBe("CredentialsSignin");
    }
    for (const instance of [instanceB, instanceA]) {
      const outcome = await attempt(instance, user.password);
      expect(outcome.error).toMatch(/^RateLimited:\d+$/);
      expect(outcome.signedIn).toBe(false);
    }
    const [counted] = await database.query<{ count: string }>(`SELECT count(*) FROM "Session" WHERE "userId" = $1`, [user.id]);
    expect(Number(counted!.count)).toBe(0);
  });
});
