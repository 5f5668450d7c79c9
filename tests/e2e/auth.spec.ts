import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test, uniqueClientIp } from "./support/test";
import { hashPassword } from "../../lib/auth/password";
import { createUser, signIn, sql } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";
const PASSWORD = "une phrase de passe assez longue";
const INVALID = "Adresse e-mail ou mot de passe incorrect.";

function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@Exemple.fr`;
}

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  link?: string;
}

/** Waits for the mails sent to `to` in the server's outbox folder (scripts/lib/test-server.ts). */
async function mailsTo(to: string, count = 1): Promise<OutboxMail[]> {
  const directory = process.env.E2E_OUTBOX_DIR;
  if (!directory) throw new Error("E2E_OUTBOX_DIR is not set: run the e2e tier through scripts/test-e2e.ts");
  let found: OutboxMail[] = [];
  await expect
    .poll(
      async () => {
        const files = (await readdir(directory)).filter((name) => name.endsWith(".json")).sort();
        const mails = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(directory, name), "utf8")) as OutboxMail));
        found = mails.filter((mail) => mail.to === to.toLowerCase());
        return found.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** Fills the sign-up form; the password works only once the mailed link is confirmed. */
async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/inscription");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("status")).toContainText("Vérifiez votre boîte mail");
}

/** Opens the latest confirmation mail sent to `email` and clicks its button. */
async function confirmSignUp(page: Page, email: string, mailCount = 1) {
  const mails = await mailsTo(email, mailCount);
  const confirmation = mails.filter((mail) => mail.subject === "Confirmez votre adresse e-mail").at(-1)!;
  await page.goto(confirmation.link!);
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByRole("status")).toContainText("Adresse confirmée");
}

/** A password account its owner confirmed, through the real forms. */
async function signUpAndConfirm(page: Page, email: string, password = PASSWORD) {
  await signUp(page, email, password);
  await confirmSignUp(page, email);
}

/** Asks for a sign-in link on /connexion and returns the mail's link once it arrives. */
async function requestSignInLink(page: Page, email: string, mailCount: number): Promise<string> {
  const form = page.getByRole("form", { name: "Par un lien envoyé par e-mail" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(form.getByRole("status")).toContainText("un lien de connexion vient d’y être envoyé");
  const mails = await mailsTo(email, mailCount);
  return mails.at(-1)!.link!;
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
}

const header = (page: Page) => page.getByRole("banner");

/** Signs in through /connexion and waits for « Mon compte » itself. */
async function logInToAccount(page: Page, email: string, password = PASSWORD) {
  await page.goto("/connexion?retour=/compte");
  await logIn(page, email, password);
  await expect(page).toHaveURL((url) => url.pathname === "/compte");
}

/** Another browser, from another address, signed in to the account. */
async function signedInElsewhere(browser: Browser, email: string): Promise<{ other: BrowserContext; otherPage: Page }> {
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const otherPage = await other.newPage();
  await logInToAccount(otherPage, email);
  return { other, otherPage };
}

test("[ACCOUNT] inscription, confirmation, connexion, déconnexion puis reconnexion ; l'en-tête affiche « Mon compte »", async ({ page, context }) => {
  const email = uniqueEmail("parcours");
  await page.goto("/");
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();

  // A too short password is refused next to its field, the address kept.
  await page.goto("/inscription");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#signup-password-error")).toContainText("au moins 12 caractères");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await page.screenshot({ path: `${SCREENSHOTS}/auth-1-inscription-erreur.png`, fullPage: true });

  await signUp(page, email);
  const [confirmation] = await mailsTo(email);
  expect(confirmation!.subject).toBe("Confirmez votre adresse e-mail");
  expect(confirmation!.link).toMatch(/\/inscription\/confirmer\?jeton=/);

  // Before the confirmation the password does not open the account.
  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email);
  await expect(page.getByRole("form", { name: "Avec votre mot de passe" }).getByRole("alert")).toHaveText(INVALID);

  // Opening the link changes nothing (mail scanners open links); the click confirms.
  await page.goto(confirmation!.link!);
  await page.screenshot({ path: `${SCREENSHOTS}/auth-1b-confirmation.png`, fullPage: true });
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.getByRole("status")).toContainText("Adresse confirmée");
  await page.getByRole("link", { name: "Se connecter" }).last().click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email.toLowerCase());
  await expect(page).toHaveURL((url) => url.pathname === "/comparer");
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toHaveAttribute("href", "/compte");
  await page.screenshot({ path: `${SCREENSHOTS}/auth-2-connecte.png`, fullPage: true });

  // Signing out deletes the server-side session: the old cookie, put back, no longer works.
  const signedInCookies = await context.cookies();
  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await context.addCookies(signedInCookies);
  await page.goto("/comparer");
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toHaveCount(0);

  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/comparer");
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();
});

test("[ACCOUNT] mot de passe faux et adresse inconnue : le même message, l'adresse gardée", async ({ page }) => {
  const email = uniqueEmail("faux");
  await signUpAndConfirm(page, email);

  await page.goto("/connexion");
  await logIn(page, email, "pas le bon mot de passe");
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  await expect(form.getByRole("alert")).toHaveText(INVALID);
  await expect(form.getByLabel("Adresse e-mail")).toHaveValue(email);
  await expect(form.getByLabel("Mot de passe")).toHaveValue("");
  await page.screenshot({ path: `${SCREENSHOTS}/auth-3-mot-de-passe-faux.png`, fullPage: true });

  await page.goto("/connexion");
  await logIn(page, uniqueEmail("inconnu"), "pas le bon mot de passe");
  await expect(form.getByRole("alert")).toHaveText(INVALID);
});

test("[ACCOUNT] inscription avec une adresse déjà prise : même page, même texte, e-mail au titulaire, mot de passe inchangé", async ({ page }) => {
  const email = uniqueEmail("pris");
  await signUp(page, email);
  const freeAnswer = await page.getByRole("status").innerText();
  await confirmSignUp(page, email);

  await signUp(page, email, "un autre mot de passe tout aussi long");
  expect((await page.getByRole("status").innerText()).replaceAll(email.toLowerCase(), "…")).toBe(freeAnswer.replaceAll(email.toLowerCase(), "…"));
  const mails = await mailsTo(email, 2);
  expect(mails.map((mail) => mail.subject)).toContain("Votre compte Reste à charge existe déjà");

  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email, "un autre mot de passe tout aussi long");
  await expect(page.getByRole("form", { name: "Avec votre mot de passe" }).getByRole("alert")).toHaveText(INVALID);
  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email);
  await expect(page).toHaveURL((url) => url.pathname === "/comparer");
});

test("[ACCOUNT] issue 12 §2 : l'inscription d'un attaquant avec l'adresse d'autrui ne lui ouvre pas le compte", async ({ page, browser }) => {
  const victim = uniqueEmail("victime");
  const attackerPassword = "le mot de passe de l'attaquant";
  await signUp(page, victim, attackerPassword);

  // The victim signs in by e-mail link in their own browser and saves data.
  const victimContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const victimPage = await victimContext.newPage();
  await victimPage.goto("/connexion");
  await victimPage.goto(await requestSignInLink(victimPage, victim, 2));
  await victimPage.getByRole("button", { name: "Me connecter" }).click();
  await expect(header(victimPage).getByRole("link", { name: "Mon compte" })).toBeVisible();
  await victimContext.close();

  // The attacker's password opens nothing, and the export stays closed.
  await page.goto("/connexion?retour=/compte");
  await logIn(page, victim, attackerPassword);
  await expect(page.getByRole("form", { name: "Avec votre mot de passe" }).getByRole("alert")).toHaveText(INVALID);
  const exported = await page.request.get("/compte/export", { maxRedirects: 0 });
  expect(exported.status()).not.toBe(200);
});

test("[ACCOUNT] issue 12 §2 : le premier lien de connexion efface le mot de passe jamais confirmé d'un compte existant", async ({ page }) => {
  // An account as the old sign-up left it: a password nobody confirmed from the mailbox.
  const email = uniqueEmail("ancien").toLowerCase();
  await sql(`INSERT INTO "User" ("id", "email", "passwordHash", "createdAt", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, now(), now())`, [
    email,
    await hashPassword("le mot de passe de l'attaquant"),
  ]);
  await page.goto("/connexion");
  await page.goto(await requestSignInLink(page, email, 1));
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();
  expect(await sql(`SELECT "passwordHash" FROM "User" WHERE "email" = $1`, [email])).toEqual([{ passwordHash: null }]);
});

test("[ACCOUNT] connexion par lien : la page du lien demande un clic, le lien sert une fois", async ({ page }) => {
  const email = uniqueEmail("lien");
  await page.goto("/connexion?retour=/comment-nous-calculons");
  const link = await requestSignInLink(page, email, 1);
  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe("Votre lien de connexion à Reste à charge");
  expect(link).toMatch(/\/connexion\/lien\?/);
  expect(mail!.text).toContain(link);

  // Opening the link signs no one in (login CSRF, mail scanners): the button does.
  await page.goto(link);
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/auth-5-lien.png`, fullPage: true });
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/comment-nous-calculons");
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();

  // The link serves once.
  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("alert").first()).toContainText("expiré ou a déjà servi");
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
});

test("[ACCOUNT] issue 12 §5 : un lien ouvert par GET ou posté depuis un autre site ne connecte pas ; un nouveau lien annule l'ancien", async ({ page, baseURL }) => {
  const email = uniqueEmail("csrf");
  await page.goto("/connexion");
  const first = await requestSignInLink(page, email, 1);
  const second = await requestSignInLink(page, email, 2);
  const query = new URL(second).search;

  // next-auth's own callback URL, opened by GET, lands on the page with the button.
  const viaGet = await page.request.get(`/api/auth/callback/email${query}`, { maxRedirects: 0 });
  expect(viaGet.status()).toBe(303);
  expect(viaGet.headers().location).toBe(`${baseURL}/connexion/lien${query}`);
  // A form posted from another site carries no CSRF token: refused, the link kept.
  const forged = await page.request.post(`/api/auth/callback/email${query}`, { form: { json: "true" }, headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(400);
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();

  // The first link was voided by the second.
  await page.goto(first);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("alert").first()).toContainText("expiré ou a déjà servi");
  await page.goto(second);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();
});

test("[ACCOUNT] issue 12 §4 : un attaquant qui essaie des mots de passe ralentit, mais le navigateur habituel du titulaire entre", async ({ page, browser }) => {
  const email = uniqueEmail("bloque");
  await signUpAndConfirm(page, email);
  // The owner's browser signs in once: it becomes known for this account.
  await logInToAccount(page, email);
  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();

  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const attackerPage = await attacker.newPage();
  await attackerPage.goto("/connexion");
  const form = attackerPage.getByRole("form", { name: "Avec votre mot de passe" });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await logIn(attackerPage, email, `mauvais essai numéro ${attempt}`);
    await expect(form.getByRole("alert")).toHaveText(INVALID);
  }
  await logIn(attackerPage, email, "mauvais essai numéro 6");
  await expect(form.getByRole("alert")).toHaveText("Trop de tentatives. Réessayez dans 15 minutes.");
  // An unknown browser waits, even with the right password.
  await logIn(attackerPage, email);
  await expect(form.getByRole("alert")).toHaveText(/Trop de tentatives\. Réessayez dans 1[45] minutes\./);
  await attackerPage.screenshot({ path: `${SCREENSHOTS}/auth-4-bloque.png`, fullPage: true });
  await attacker.close();

  // The owner's browser is not locked out.
  await logInToAccount(page, email);
});

test("[ACCOUNT] issue 12 §4 : un X-Forwarded-For forgé ne contourne pas la limite par adresse IP", async ({ playwright, baseURL }) => {
  const realIp = uniqueClientIp();
  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempt = async (forged: string) => {
    const response = await api.post("/api/auth/callback/credentials", {
      form: { email: uniqueEmail("bourrage"), password: "mauvais mot de passe", csrfToken, json: "true" },
      // What a client sends ("forged") followed by what the trusted proxy appended.
      headers: { "x-forwarded-for": `${forged}, ${realIp}` },
    });
    return ((await response.json()) as { url: string }).url;
  };
  for (let i = 0; i < 20; i += 1) expect(await attempt(`198.51.100.${i}`)).toContain("error=CredentialsSignin");
  expect(await attempt("198.51.100.200")).toContain("error=RateLimited");
  await api.dispose();
});

test("[ACCOUNT] liens magiques limités par adresse e-mail, seulement pour les demandes valides", async ({ page }) => {
  const email = uniqueEmail("limite");
  // Requests without next-auth's CSRF token send nothing and count for nothing.
  for (let request = 0; request < 4; request += 1) {
    const response = await page.request.post("/api/auth/signin/email", { form: { email, json: "true" } });
    expect(response.status()).toBe(200);
  }
  await page.goto("/connexion");
  const form = page.getByRole("form", { name: "Par un lien envoyé par e-mail" });
  await form.getByLabel("Adresse e-mail").fill(email);
  for (let request = 1; request <= 3; request += 1) {
    await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(form.getByRole("status")).toBeVisible();
    await expect(form.getByRole("button", { name: "Recevoir un lien de connexion" })).toBeEnabled();
  }
  await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(form.getByRole("alert")).toHaveText("Trop de tentatives. Réessayez dans 15 minutes.");
  expect(await mailsTo(email, 3)).toHaveLength(3);
});

test("[ACCOUNT] ?retour vers un autre site est ignoré, pas de redirection ouverte", async ({ page, baseURL }) => {
  const email = uniqueEmail("retour");
  await signUpAndConfirm(page, email);
  await page.goto(`/connexion?retour=${encodeURIComponent("//evil.example/vol")}`);
  await logIn(page, email);
  await expect(page).toHaveURL(`${baseURL}/compte`);
});

test("[ACCOUNT] issue 12 §3 : ?retour=/.//evil.example ne sort pas du site, ni après connexion ni une fois connecté", async ({ page, baseURL }) => {
  const email = uniqueEmail("retour-normalise");
  await signUpAndConfirm(page, email);
  await page.goto("/connexion?retour=/.//evil.example");
  await logIn(page, email);
  await expect(page).toHaveURL(`${baseURL}/compte`);
  // Signed in, the sign-in page redirects at once: to this site.
  const response = await page.request.get("/connexion?retour=/.//evil.example", { maxRedirects: 0 });
  expect(response.headers().location).toBe("/compte");
});

test("[ACCOUNT] mot de passe oublié : même réponse pour une adresse inconnue, lien par e-mail, nouveau mot de passe, toutes les sessions fermées", async ({ page, browser }) => {
  const email = uniqueEmail("oubli");
  await signUpAndConfirm(page, email);
  // Another browser is signed in with the old password.
  const { other, otherPage } = await signedInElsewhere(browser, email);

  const unknown = uniqueEmail("inconnue");
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page).toHaveURL(/\/connexion\/mot-de-passe-oublie$/);
  await page.getByLabel("Adresse e-mail").fill(unknown);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  const unknownAnswer = (await page.getByRole("status").innerText()).replace(unknown.toLowerCase(), "…");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("status")).toContainText(email.toLowerCase());
  expect((await page.getByRole("status").innerText()).replace(email.toLowerCase(), "…")).toBe(unknownAnswer);
  await page.screenshot({ path: `${SCREENSHOTS}/auth-6-mot-de-passe-oublie.png`, fullPage: true });

  const reset = (await mailsTo(email, 2)).find((mail) => mail.subject === "Choisir un nouveau mot de passe")!;
  await page.goto(reset.link!);
  await page.getByLabel("Nouveau mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.locator("#reset-password-error")).toContainText("au moins 12 caractères");
  await page.getByLabel("Nouveau mot de passe").fill("mon nouveau mot de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Mot de passe changé");
  expect((await mailsTo(email, 3)).map((mail) => mail.subject)).toContain("Votre mot de passe a changé");

  // The other browser is signed out; the old password no longer works, the new one does.
  await otherPage.goto("/compte");
  await expect(otherPage).toHaveURL(/\/connexion\?retour=/);
  await other.close();
  await page.goto("/connexion?retour=/compte");
  await logIn(page, email);
  await expect(page.getByRole("form", { name: "Avec votre mot de passe" }).getByRole("alert")).toHaveText(INVALID);
  await logIn(page, email, "mon nouveau mot de passe");
  await expect(page).toHaveURL((url) => url.pathname === "/compte");

  // The link served once.
  await page.goto(reset.link!);
  await page.getByLabel("Nouveau mot de passe").fill("encore un autre mot de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("alert").first()).toContainText("a expiré ou a déjà servi");
});

test("[ACCOUNT] changer son mot de passe depuis « Mon compte » : l'actuel est exigé, les autres appareils sont déconnectés", async ({ page, browser }) => {
  const email = uniqueEmail("change");
  await signUpAndConfirm(page, email);
  const { other, otherPage } = await signedInElsewhere(browser, email);

  await logInToAccount(page, email);
  await page.getByRole("link", { name: "Changer mon mot de passe" }).click();
  await expect(page).toHaveURL(/\/compte\/mot-de-passe$/);
  await page.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
  await page.getByLabel("Nouveau mot de passe").fill("mon nouveau mot de passe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.locator("#current-password-error")).toHaveText("Mot de passe actuel incorrect.");
  await page.getByLabel("Mot de passe actuel").fill(PASSWORD);
  await page.getByLabel("Nouveau mot de passe").fill("mon nouveau mot de passe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Mot de passe changé");
  await page.screenshot({ path: `${SCREENSHOTS}/auth-7-mot-de-passe-change.png`, fullPage: true });

  // This browser stays signed in; the other one is out.
  await page.goto("/compte");
  await expect(page).toHaveURL((url) => url.pathname === "/compte");
  await otherPage.goto("/compte");
  await expect(otherPage).toHaveURL(/\/connexion\?retour=/);
  await logIn(otherPage, email, "mon nouveau mot de passe");
  await expect(otherPage).toHaveURL((url) => url.pathname === "/compte");
  await other.close();
});

test("[ADMIN] le menu de l'en-tête mène à l'administration, pour les administrateurs seulement", async ({ page, browser }) => {
  const admin = await createUser("ADMIN");
  await signIn(page, admin, "/compte");
  await header(page).getByRole("link", { name: "Administration" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const user = await createUser();
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const userPage = await context.newPage();
  await signIn(userPage, user, "/compte");
  await expect(header(userPage).getByRole("link", { name: "Mon compte" })).toBeVisible();
  await expect(header(userPage).getByRole("link", { name: "Administration" })).toHaveCount(0);
  await context.close();
});
