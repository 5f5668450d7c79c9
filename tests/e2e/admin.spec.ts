import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signedInContext, storedOffer } from "./support/admin";
import { createUser, signIn, sql } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";

/** Offer ids of the public ranking for a reference profile, best first. */
async function publicRanking(page: Page, preset: string): Promise<string[]> {
  await page.goto(`/comparer?preset=${preset}`);
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  const rows = page.getByTestId("offer-row");
  await expect(rows.first()).toBeVisible();
  const hrefs = await rows.locator("th a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => decodeURIComponent(href.split("?")[0]!.replace("/comparer/offre/", "")));
}

test("[ADMIN] un visiteur ou un utilisateur sans rôle ADMIN n'accède pas à /admin", async ({ page, browser }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin/);

  const user = await createUser("USER");
  const context = await browser.newContext({ locale: "fr-FR" });
  const userPage = await context.newPage();
  await signIn(userPage, user, "/");
  for (const path of ["/admin", "/admin/assureurs", "/admin/import-export", "/admin/offres/hortensias-confort"]) {
    const response = await userPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(userPage.getByRole("heading", { name: "Offres du catalogue" })).toHaveCount(0);
  }
  await context.close();
});

test("[ADMIN] modifier une garantie, voir l'aperçu changer, publier : le classement public suit", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const preset = "besoins-optique-dentaire";
  const before = await publicRanking(page, preset);
  const target = before[0]!;

  const admin = await createUser("ADMIN");
  const { context, page: adminPage } = await signedInContext(browser, admin);
  await adminPage.getByLabel("Rechercher").fill(target);
  await adminPage.getByRole("button", { name: "Filtrer" }).click();
  await adminPage.getByTestId("admin-offer-row").first().getByRole("link").click();
  await expect(adminPage.getByTestId("offer-status")).toHaveText("Publiée");

  // Before any edit the preview shows the published figures on both sides.
  const row = adminPage.getByTestId(`preview-${preset}`);
  await expect(row.getByTestId("difference")).toHaveText("identique");
  const publishedTotal = await row.getByTestId("published-total").textContent();

  // Dental prostheses down to the legal floor (100 % BR, Sécu included, no network bonus).
  const prostheses = adminPage.locator('details[data-category="dental-prosthesis"]');
  await prostheses.locator("summary").click();
  await adminPage.getByLabel("Prothèses dentaires : lecture du taux").selectOption("secu-included");
  await adminPage.getByLabel("Prothèses dentaires : taux en % de la BR").fill("100");
  const network = adminPage.getByLabel(/Prothèses dentaires : conditions chez un partenaire/);
  await network.fill("");
  await expect(row.getByTestId("difference")).toHaveText(/^\+/);
  expect(await row.getByTestId("published-total").textContent()).toBe(publishedTotal);
  await adminPage.screenshot({ path: `${SCREENSHOTS}/admin-apercu.png`, fullPage: true });

  // An R871-2 breach is refused inline with the rule named, and the preview waits for a fix.
  await adminPage.getByLabel("Prothèses dentaires : taux en % de la BR").fill("90");
  await expect(adminPage.getByTestId("offer-issues")).toContainText("R871-2-ticket-moderateur");
  await expect(adminPage.locator('[data-path="guarantees.dental-prosthesis"]')).toContainText("ticket modérateur");
  await adminPage.getByLabel("Prothèses dentaires : taux en % de la BR").fill("100");
  await expect(adminPage.getByTestId("offer-issues")).toHaveCount(0);

  const { version } = await storedOffer(target);
  await adminPage.getByRole("button", { name: "Enregistrer et mettre en ligne" }).click();
  await expect(adminPage.getByTestId("editor-notice")).toContainText(`Offre enregistrée (version ${version + 1})`);
  // The audit log names the field in French, with its old and new value.
  await expect(adminPage.getByTestId("audit-entry").first()).toContainText(/Prothèses dentaires : taux \(% de la BR\) : [\d\s\u202f]+ % → 100 %/);
  await expect(adminPage.getByTestId("audit-entry").first()).not.toContainText("guarantees.");
  await expect(adminPage.getByTestId("audit-entry").first()).toContainText(admin.email);

  const after = await publicRanking(page, preset);
  // The offer loses its first place (it may even leave the rows shown).
  expect(after[0]).not.toBe(target);
  expect(after.indexOf(target) === -1 || after.indexOf(target) > before.indexOf(target)).toBe(true);
  await context.close();
});

test("[ADMIN] un second onglet au formulaire périmé est refusé sans perdre sa saisie", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await createUser("ADMIN");
  const other = await createUser("ADMIN");
  const target = "hortensias-confort";
  const first = await signedInContext(browser, admin);
  const second = await signedInContext(browser, other);
  for (const { page } of [first, second]) {
    await page.goto(`/admin/offres/${target}`);
    await expect(page.getByLabel("Formule", { exact: true })).toBeVisible();
  }
  const { version } = await storedOffer(target);

  await first.page.getByLabel("Formule", { exact: true }).fill("Confort (onglet A)");
  await first.page.getByRole("button", { name: /^Enregistrer/ }).click();
  await expect(first.page.getByTestId("editor-notice")).toContainText(`version ${version + 1}`);

  await second.page.getByLabel("Formule", { exact: true }).fill("Confort (onglet B)");
  await second.page.locator('details[data-category="pharmacy"] summary').click();
  await second.page.getByLabel("Pharmacie : taux en % de la BR").fill("175");
  await second.page.getByRole("button", { name: /^Enregistrer/ }).click();
  await expect(second.page.getByTestId("editor-notice")).toContainText("quelqu'un a modifié cette offre");
  await expect(second.page.getByTestId("editor-notice")).toContainText("Votre saisie est conservée");
  await expect(second.page.getByLabel("Formule", { exact: true })).toHaveValue("Confort (onglet B)");
  await expect(second.page.getByLabel("Pharmacie : taux en % de la BR")).toHaveValue("175");
  await second.page.screenshot({ path: `${SCREENSHOTS}/admin-version-perimee.png`, fullPage: true });
  expect(await storedOffer(target)).toMatchObject({ formula: "Confort (onglet A)", version: version + 1 });

  // Duplicate as a new formula: a draft, published from its own page.
  await first.page.getByLabel("Identifiant de la nouvelle offre").fill("hortensias-confort-2027");
  await first.page.getByLabel("Nom de la nouvelle formule").fill("Confort 2027");
  await first.page.getByRole("button", { name: "Dupliquer" }).click();
  await expect(first.page).toHaveURL(/\/admin\/offres\/hortensias-confort-2027$/);
  await expect(first.page.getByTestId("offer-status")).toHaveText("Brouillon");
  await first.page.getByRole("button", { name: "Publier" }).click();
  await expect(first.page.getByTestId("offer-status")).toHaveText("Publiée");
  expect(await storedOffer("hortensias-confort-2027")).toMatchObject({ status: "PUBLISHED", formula: "Confort 2027" });
  await first.context.close();
  await second.context.close();
});

test("[ADMIN] tranches qui se chevauchent refusées, âges sans cotisation signalés, bandeau d'erreur effacé une fois corrigé", async ({ browser }) => {
  const admin = await createUser("ADMIN");
  const { context, page } = await signedInContext(browser, admin);
  await page.goto("/admin/offres/hortensias-confort");
  const bands = page.getByTestId("premium-band");
  const count = await bands.count();
  // A new band overlapping the others is refused, naming the band it overlaps.
  await page.getByRole("button", { name: "Ajouter une tranche" }).click();
  await expect(page.getByTestId("offer-issues")).toContainText(`La tranche ${count + 1} (0 à 120 ans) chevauche la tranche 1`);
  await page.getByRole("button", { name: /^Enregistrer/ }).click();
  await expect(page.getByTestId("editor-notice")).toContainText("L'offre contient des erreurs");
  await page.getByRole("button", { name: `Supprimer la tranche ${count + 1}` }).click();
  // Fixed: the banner goes with the errors.
  await expect(page.getByTestId("offer-issues")).toHaveCount(0);
  await expect(page.getByTestId("editor-notice")).toHaveCount(0);

  // Narrowing the last band leaves ages without a premium: a warning names them.
  const lastMax = page.getByLabel(`Tranche ${count} : âge maximum`);
  await lastMax.fill("99");
  await expect(page.getByTestId("band-gaps")).toContainText("Aucune cotisation pour les âges 100 à 120 ans");
  await page.screenshot({ path: `${SCREENSHOTS}/admin-tranches.png`, fullPage: true });
  await context.close();
});

test("[ADMIN] un import refusé nomme l'offre et le champ en français ; un fichier non JSON aussi", async ({ browser }) => {
  const admin = await createUser("ADMIN");
  const { context, page } = await signedInContext(browser, admin);
  await page.goto("/admin/import-export");
  const file = page.getByLabel("Fichier catalogue (JSON)");

  await file.setInputFiles({ name: "catalogue.json", mimeType: "application/json", buffer: Buffer.from('{\n  "formatVersion": 1,\n  offers: []\n}') });
  await page.getByRole("button", { name: "Vérifier (import à blanc)" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Ce fichier n’est pas du JSON valide : erreur ligne 3, colonne 3.");
  await expect(report).not.toContainText(/Expected|Unexpected|position/);

  const broken = { formatVersion: 1, offers: [{ id: "offre-sans-cotisation", insurer: { name: "Mutuelle X" }, formula: "F", level: 2, responsable: true, network: null, guarantees: {} }] };
  await file.setInputFiles({ name: "catalogue.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole("button", { name: "Vérifier (import à blanc)" }).click();
  await expect(report).toContainText("Offre « offre-sans-cotisation » — Cotisations : ce champ est obligatoire.");
  await expect(report).not.toContainText("offers.0");
  await context.close();
});

test("[COMPARE] le lien public d'une offre archivée dit qu'elle n'est plus proposée et ramène au classement", async ({ page }) => {
  const [offer] = await sql<{ id: string }>(`SELECT "id" FROM "Offer" WHERE "status" = 'PUBLISHED' ORDER BY "id" DESC LIMIT 1`);
  await page.goto("/comparer?preset=jeune-actif");
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  const p = new URL(page.url()).searchParams.get("p")!;
  await sql(`UPDATE "Offer" SET "status" = 'ARCHIVED' WHERE "id" = $1`, [offer!.id]);
  try {
    await page.goto(`/comparer/offre/${offer!.id}?p=${encodeURIComponent(p)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cette offre n’est plus proposée");
    await expect(page.getByText("mal copiée")).toHaveCount(0);
    await page.getByRole("link", { name: "Voir le classement des offres proposées aujourd’hui pour ce profil" }).click();
    await expect(page.getByTestId("offer-row").first()).toBeVisible();
    // An id that never existed is still "page introuvable".
    const response = await page.goto(`/comparer/offre/jamais-existee?p=${encodeURIComponent(p)}`);
    expect(response?.status()).toBe(404);
  } finally {
    await sql(`UPDATE "Offer" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [offer!.id]);
  }
});
