import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { createUser, insertSavedProfile, signIn, sql } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";

async function expectNoSeriousA11yViolation(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Runs the "Jeune actif" example and waits for its ranking; returns the comparer URL with the profile. */
async function compareExample(page: Page): Promise<string> {
  await page.goto("/comparer?preset=jeune-actif");
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
  return new URL(page.url()).search;
}

const PROFILE = {
  startDate: "2026-01-01",
  department: "75",
  beneficiaries: [{ label: "Adulte", age: 40, care: [{ category: "gp", perYear: 4 }] }],
};

test("[ACCOUNT] signed out, « Enregistrer ce profil » goes through the sign-in page and back to the same comparison", async ({ page }) => {
  const user = await createUser();
  const search = await compareExample(page);
  await page.getByRole("link", { name: "Connectez-vous pour enregistrer ce profil" }).click();
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await page.locator("#login-email").fill(user.email);
  await page.locator("#login-password").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/comparer" && url.search === search);
  await expect(page.getByRole("button", { name: "Enregistrer ce profil" })).toBeVisible();
});

test("[ACCOUNT] save a profile from a comparison, find it in /compte, sign out and in again, re-run it and see a price change", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user, "/compte");
  await expect(page.getByText("Aucun profil enregistré")).toBeVisible();

  const search = await compareExample(page);
  await page.getByRole("button", { name: "Enregistrer ce profil" }).click();
  // A name proposed from the profile's content, which the person may change.
  await expect(page.getByLabel("Nom du profil")).toHaveValue(/^Une personne de \d+ ans, Rhône$/);
  await page.getByLabel("Nom du profil").fill("Moi en 2026");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profil « Moi en 2026 » enregistré." })).toBeVisible();

  await page.getByRole("link", { name: "Voir mes profils" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/compte");
  const card = page.getByTestId("saved-profile");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading", { name: "Moi en 2026" })).toBeVisible();
  // Saved with the ranking just shown: its figures are there without a re-run.
  await expect(card.getByText("Pas encore calculé")).toHaveCount(0);
  await expect(card.getByTestId("last-run-offer")).toHaveCount(5);
  await expect(card.getByText(/Dernier calcul le .* · catalogue mis à jour le \d{1,2}(er)? \p{L}+ \d{4} · classé par coût total/u)).toBeVisible();

  // Signed out, the account area sends to the sign-in page, which comes back to it.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fcompte/);
  await signIn(page, user, "/compte");

  await card.getByRole("button", { name: "Relancer" }).click();
  await expect(card.getByTestId("run-changes")).toContainText("Rien n'a changé : même catalogue, même classement.");
  await expect(card.getByTestId("last-run-offer")).toHaveCount(5);

  // The catalogue changes: the best offer of the last run gets 10 € a month dearer.
  const [stored] = await sql<{ lastRun: { top: { offerId: string; insurer: string; formula: string }[] } }>(
    `SELECT "lastRun" FROM "SavedProfile" WHERE "userId" = $1`,
    [user.id],
  );
  const top = stored!.lastRun.top[0]!;
  await sql(`UPDATE "OfferPremiumBand" SET "monthly" = "monthly" + 10 WHERE "offerId" = $1`, [top.offerId]);
  try {
    await card.getByRole("button", { name: "Relancer" }).click();
    const changes = card.getByTestId("run-changes");
    await expect(changes).toContainText("Depuis le dernier calcul");
    await expect(changes).toContainText("Cotisations modifiées (1)");
    await expect(changes.getByRole("listitem")).toContainText(`${top.insurer} — ${top.formula}`);
    // Like with like: either the same best offer's own figures, or both best offers named with theirs.
    await expect(changes).not.toContainText("Reste à charge attendu de la meilleure offre");
    const topChange = changes.getByTestId("top-offer-change");
    if ((await topChange.count()) > 0) {
      await expect(topChange).toContainText(`remplace ${top.insurer} — ${top.formula} (coût total`);
      await expect(topChange).toContainText(`${top.insurer} — ${top.formula} aujourd’hui : coût total`);
    } else {
      await expect(changes.getByTestId("top-offer-figures")).toContainText(`Meilleure offre, toujours ${top.insurer} — ${top.formula} : coût total`);
    }
    await expectNoSeriousA11yViolation(page);
    await page.screenshot({ path: `${SCREENSHOTS}/compte-relance.png`, fullPage: true });
  } finally {
    // Other tests of the run compare on the demo catalogue's own prices.
    await sql(`UPDATE "OfferPremiumBand" SET "monthly" = "monthly" - 10 WHERE "offerId" = $1`, [top.offerId]);
  }

  // The saved profile opens on its own ranking in the comparer.
  await card.getByRole("link", { name: "Ouvrir dans le comparateur" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/comparer" && url.search === search);
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
});

test("[ACCOUNT] rename, duplicate, delete, export and account deletion from /compte", async ({ page, request }) => {
  const user = await createUser();
  await insertSavedProfile(user.id, "Famille", PROFILE);
  await signIn(page, user, "/compte");
  await expectNoSeriousA11yViolation(page);

  const famille = page.getByTestId("saved-profile").filter({ has: page.getByRole("heading", { name: "Famille" }) });
  await famille.getByRole("button", { name: "Renommer « Famille »" }).click();
  await famille.getByLabel("Nouveau nom").fill("Famille Martin");
  await famille.getByRole("button", { name: "Enregistrer le nom" }).click();
  await expect(page.getByRole("heading", { name: "Famille Martin", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Dupliquer « Famille Martin »" }).click();
  await expect(page.getByRole("heading", { name: "Famille Martin (copie)" })).toBeVisible();
  await expect(page.getByTestId("saved-profile")).toHaveCount(2);

  const copy = page.getByTestId("saved-profile").filter({ has: page.getByRole("heading", { name: "Famille Martin (copie)" }) });
  await copy.getByRole("button", { name: "Supprimer « Famille Martin (copie) »" }).click();
  await copy.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.getByTestId("saved-profile")).toHaveCount(1);

  // Export: an attachment with this account's data only, and nothing for a signed-out request.
  const exported = await page.request.get("/compte/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="reste-a-charge-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
  const data = (await exported.json()) as { user: { email: string }; profiles: { name: string }[] };
  expect(data.user.email).toBe(user.email);
  expect(data.profiles.map((profile) => profile.name)).toEqual(["Famille Martin"]);
  expect(JSON.stringify(data)).not.toContain("argon2");
  // The `request` fixture has no cookie of the browser's.
  const anonymous = await request.get("/compte/export");
  expect(anonymous.status()).toBe(401);

  // Deletion: refused until the address is typed, then everything goes and the browser is signed out.
  await page.getByRole("button", { name: "Supprimer mon compte…" }).click();
  await page.getByLabel(/Pour confirmer, saisissez votre adresse e-mail/).fill("autre@exemple.fr");
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Saisissez exactement l'adresse e-mail de votre compte" })).toBeVisible();
  expect(await sql(`SELECT 1 FROM "User" WHERE "id" = $1`, [user.id])).toHaveLength(1);

  await page.getByLabel(/Pour confirmer, saisissez votre adresse e-mail/).fill(user.email);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  const left = await sql<{ count: string }>(
    `SELECT (SELECT count(*) FROM "User" WHERE "id" = $1) + (SELECT count(*) FROM "SavedProfile" WHERE "userId" = $1)
          + (SELECT count(*) FROM "Session" WHERE "userId" = $1) + (SELECT count(*) FROM "Account" WHERE "userId" = $1) AS count`,
    [user.id],
  );
  expect(Number(left[0]!.count)).toBe(0);
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion/);
});

/** The server action call a click sends: its id header and its URL, to replay it with other arguments. */
async function captureAction(page: Page, click: () => Promise<void>): Promise<{ url: string; actionId: string }> {
  const request: Promise<Request> = page.waitForRequest((candidate) => candidate.method() === "POST" && candidate.headers()["next-action"] !== undefined);
  await click();
  const sent = await request;
  return { url: sent.url(), actionId: sent.headers()["next-action"]! };
}

async function forge(page: Page, action: { url: string; actionId: string }, args: unknown) {
  // The same request the browser sends, with this session's cookies: only the arguments are the attacker's.
  const response = await page.request.post(action.url, {
    headers: { "next-action": action.actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([args]),
  });
  expect(response.status()).toBe(200);
  return response.text();
}

test("[ACCOUNT] forged action calls with another user's profile id change nothing", async ({ page }) => {
  const alice = await createUser();
  const bob = await createUser();
  const aliceProfile = await insertSavedProfile(alice.id, "Profil d'Alice", PROFILE);
  const bobProfile = await insertSavedProfile(bob.id, "Profil de Bob", PROFILE);
  const bobRow = () => sql(`SELECT "name", "profile", "lastRun", "updatedAt" FROM "SavedProfile" WHERE "id" = $1`, [bobProfile]);
  const bobBefore = await bobRow();

  await signIn(page, alice, "/compte");
  const card = page.getByTestId("saved-profile");
  const rename = await captureAction(page, async () => {
    await card.getByRole("button", { name: /^Renommer/ }).click();
    await card.getByLabel("Nouveau nom").fill("Alice bis");
    await card.getByRole("button", { name: "Enregistrer le nom" }).click();
  });
  await expect(page.getByRole("heading", { name: "Alice bis" })).toBeVisible();
  const rerun = await captureAction(page, () => card.getByRole("button", { name: "Relancer" }).click());
  await expect(card.getByTestId("run-changes")).toBeVisible();
  const duplicate = await captureAction(page, () => card.getByRole("button", { name: /^Dupliquer/ }).click());
  await expect(page.getByTestId("saved-profile")).toHaveCount(2);

  // The replayed request works on Alice's own profile: the forgery below is a real call.
  await forge(page, rename, { id: aliceProfile, name: "Renommé par requête" });
  expect(await sql(`SELECT "name" FROM "SavedProfile" WHERE "id" = $1`, [aliceProfile])).toEqual([{ name: "Renommé par requête" }]);

  for (const [action, args] of [
    [rename, { id: bobProfile, name: "Volé par Alice" }],
    [rerun, { id: bobProfile }],
    [duplicate, { id: bobProfile }],
  ] as const) {
    expect(await forge(page, action, args)).toContain("Ce profil est introuvable");
  }
  const remove = await captureAction(page, async () => {
    const copy = page.getByTestId("saved-profile").filter({ has: page.getByRole("heading", { name: "Alice bis (copie)" }) });
    await copy.getByRole("button", { name: /^Supprimer/ }).click();
    await copy.getByRole("button", { name: "Oui, supprimer" }).click();
  });
  await expect(page.getByTestId("saved-profile")).toHaveCount(1);
  expect(await forge(page, remove, { id: bobProfile })).toContain("Ce profil est introuvable");

  expect(await bobRow()).toEqual(bobBefore);
  expect(await sql(`SELECT "userId" FROM "SavedProfile" WHERE "userId" IN ($1, $2) ORDER BY "userId" = $1 DESC`, [alice.id, bob.id])).toEqual([
    { userId: alice.id },
    { userId: bob.id },
  ]);
});
