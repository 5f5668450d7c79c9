import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test as base } from "./support/test";

const SCREENSHOTS = "test-results/screenshots";
const PASSWORD = "une phrase de passe assez longue";
const INVALID = "Adresse e-mail ou mot de passe incorrect.";

// Each test comes from its own address (first hop of X-Forwarded-For), so the per-IP
// limits of one test never throttle another.
const test = base.extend({
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ "x-forwarded-for": `203.0.113.${1 + Math.floor(Math.random() * 254)}, 10.0.0.1` });
  },
});

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
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

async function signUp(page: Page, email: string, password = PASSWORD) {
  await page.goto("/inscription");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("status")).toContainText("Vérifiez votre boîte mail");
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Se connecter" }).click();
}

const header = (page: Page) => page.getByRole("banner");

test("[ACCOUNT] inscription, connexion, déconnexion puis reconnexion ; l'en-tête affiche « Mon compte »", async ({ page, context }) => {
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
  const [welcome] = await mailsTo(email);
  expect(welcome!.subject).toBe("Votre compte Reste à charge");

  await page.getByRole("link", { name: "Se connecter" }).last().click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email.toLowerCase());
  await expect(page).toHaveURL(/\/comparer$/);
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
  await expect(page).toHaveURL(/\/comparer$/);
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();
});

test("[ACCOUNT] mot de passe faux et adresse inconnue : le même message, l'adresse gardée", async ({ page }) => {
  const email = uniqueEmail("faux");
  await signUp(page, email);

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

test("[ACCOUNT] inscription avec une adresse déjà prise : même réponse, e-mail au titulaire, mot de passe inchangé", async ({ page }) => {
  const email = uniqueEmail("pris");
  await signUp(page, email);
  await signUp(page, email, "un autre mot de passe tout aussi long");
  const mails = await mailsTo(email, 2);
  expect(mails.map((mail) => mail.subject)).toContain("Votre compte Reste à charge existe déjà");

  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email, "un autre mot de passe tout aussi long");
  await expect(page.getByRole("form", { name: "Avec votre mot de passe" }).getByRole("alert")).toHaveText(INVALID);
  await page.goto("/connexion?retour=/comparer");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/comparer$/);
});

test("[ACCOUNT] connexion par lien magique lu dans la boîte d'envoi", async ({ page }) => {
  const email = uniqueEmail("lien");
  await page.goto("/connexion?retour=/comment-nous-calculons");
  const form = page.getByRole("form", { name: "Par un lien envoyé par e-mail" });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(form.getByRole("status")).toContainText("un lien de connexion vient d’y être envoyé");

  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe("Votre lien de connexion à Reste à charge");
  expect(mail!.link).toMatch(/\/api\/auth\/callback\/email\?/);
  expect(mail!.text).toContain(mail!.link);
  await page.goto(mail!.link!);
  await expect(page).toHaveURL(/\/comment-nous-calculons$/);
  await expect(header(page).getByRole("link", { name: "Mon compte" })).toBeVisible();

  // The link serves once.
  await header(page).getByRole("button", { name: "Se déconnecter" }).click();
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto(mail!.link!);
  await expect(page.getByRole("alert").first()).toContainText("expiré ou a déjà servi");
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
});

test("[ACCOUNT] trop de mots de passe faux : connexion bloquée avec un message clair", async ({ page }) => {
  const email = uniqueEmail("bloque");
  await signUp(page, email);
  await page.goto("/connexion");
  const form = page.getByRole("form", { name: "Avec votre mot de passe" });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await logIn(page, email, `mauvais essai numéro ${attempt}`);
    await expect(form.getByRole("alert")).toHaveText(INVALID);
  }
  await logIn(page, email, "mauvais essai numéro 6");
  await expect(form.getByRole("alert")).toHaveText("Trop de tentatives. Réessayez dans 15 minutes.");
  // Even the right password waits for the window to end.
  await logIn(page, email);
  await expect(form.getByRole("alert")).toHaveText(/Trop de tentatives\. Réessayez dans 1[45] minutes\./);
  await expect(header(page).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/auth-4-bloque.png`, fullPage: true });
});

test("[ACCOUNT] liens magiques limités par adresse e-mail", async ({ page }) => {
  const email = uniqueEmail("limite");
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
  await signUp(page, email);
  await page.goto(`/connexion?retour=${encodeURIComponent("//evil.example/vol")}`);
  await logIn(page, email);
  await expect(page).toHaveURL(`${baseURL}/compte`);
});
