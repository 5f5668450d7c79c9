import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { encodeProfile } from "../../lib/compare/profile-url";
import type { ProfileInput } from "../../lib/schemas/profile";
import { expect, test } from "./support/test";

const SCREENSHOTS = "test-results/screenshots";

async function expectNoSeriousA11yViolation(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function offerNames(page: Page, count: number): Promise<string[]> {
  const rows = page.getByTestId("offer-row");
  await expect(rows.first()).toBeVisible();
  return (await rows.locator("th a").allTextContents()).slice(0, count);
}

/** Cents of a "1 234,56 €" cell. */
function cents(text: string): number {
  return Math.round(Number(text.replace(/[^\d,-]/g, "").replace(",", ".")) * 100);
}

/** Submits the form and returns the milliseconds until the ranking for this profile is shown. */
async function submitAndTime(page: Page): Promise<number> {
  const results = page.locator("section.results");
  const previous = (await results.count()) > 0 ? await results.getAttribute("data-profile") : null;
  const started = Date.now();
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(results).toBeVisible();
  await expect(results).not.toHaveAttribute("data-profile", previous ?? "");
  return Date.now() - started;
}

/** The ranking of a preset profile, submitted from its form (`/comparer?preset=…`). */
async function rankPreset(page: Page, preset: string): Promise<void> {
  await page.goto(`/comparer?preset=${preset}`);
  await submitAndTime(page);
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
}

// Each axe analysis runs in the page (page.evaluate) and takes seconds on a busy 2-core
// machine: the journeys that run several get a budget for that machine, not the default
// 30 s. Measured at load average 15–19 on 2 cores (npm test beside a CPU-bound loop):
// 66 s and 45 s.
const A11Y_JOURNEY_BUDGET_MS = 120_000;

test("[COMPARE] parcours : exemple, formulaire, classement et graphiques, accessibles", async ({ page }) => {
  test.setTimeout(A11Y_JOURNEY_BUDGET_MS);
  await page.goto("/");
  await expectNoSeriousA11yViolation(page);
  await page.screenshot({ path: `${SCREENSHOTS}/1-accueil.png`, fullPage: true });

  await page.getByRole("link", { name: "Couple avec deux enfants" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Votre année de soins" })).toBeVisible();
  await expect(page.getByLabel("Prénom ou rôle").first()).toHaveValue(/.+/);
  await expectNoSeriousA11yViolation(page);
  await page.screenshot({ path: `${SCREENSHOTS}/2-formulaire.png`, fullPage: true });

  // A first submit warms the server up (database pool, catalogue cache); the second,
  // with one more GP visit, is the one timed.
  await submitAndTime(page);
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Nombre par an").first().fill("5");
  const elapsed = await submitAndTime(page);
  console.log(`[COMPARE] résultats affichés ${elapsed} ms après l'envoi`);
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  const ranking = await offerNames(page, 5);
  expect(ranking.length).toBe(5);
  // The charts are drawn once scrolled to.
  await page.locator(".charts-slot").scrollIntoViewIfNeeded();
  await expect(page.locator(".charts figure")).toHaveCount(2);
  await expect(page.locator(".charts svg.recharts-surface").first()).toBeVisible();
  // Bars named by insurer and formula; the scatter's axes titled, its legend in plain French
  // and matching what is drawn; each chart's figures as a table.
  const firstOffer = (await page.getByTestId("offer-row").first().locator("th a").textContent())!;
  await expect(page.locator(".charts figure").first().locator("svg.recharts-surface[role=application]")).toContainText(firstOffer.split(" — ")[0]!.slice(0, 20));
  const scatter = page.locator(".charts figure").nth(1);
  await expect(scatter).toContainText("Cotisation annuelle (€)");
  await expect(scatter).toContainText("Reste à charge attendu (€)");
  await expect(scatter).toContainText("Offres qu’aucune autre ne bat à la fois sur le prix et sur le reste à charge");
  await expect(scatter).not.toContainText(/Frontière efficace|non dominées/);
  await expect(scatter.locator(".recharts-scatter-symbol path[fill='#0b5cad']").first()).toBeVisible();
  await expect(page.locator(".charts details.chart-data table")).toHaveCount(2);
  await expectNoSeriousA11yViolation(page);
  await page.screenshot({ path: `${SCREENSHOTS}/3-resultats.png`, fullPage: true });
});

test("[COMPARE] tri par reste à charge et filtre de budget", async ({ page }) => {
  await rankPreset(page, "couple-avec-enfants");

  // Sorting by expected RAC puts the lowest RAC first (waited for, not assumed done at once).
  await page.getByLabel("Reste à charge attendu").check();
  const racCents = async () => (await page.getByTestId("offer-row").locator("td:nth-child(4)").allTextContents()).map(cents);
  await expect.poll(async () => {
    const values = await racCents();
    return values.length > 1 && values.every((value, index) => index === 0 || values[index - 1]! <= value);
  }).toBe(true);

  // A monthly budget filter hides the dearer offers.
  const visibleCount = page.getByTestId("visible-count");
  const countOf = (text: string | null) => Number(text?.match(/\d+/)?.[0]);
  const before = countOf(await visibleCount.textContent());
  await page.getByLabel("Budget maximum par mois (€)").fill("60");
  await expect.poll(async () => countOf(await visibleCount.textContent())).toBeLessThan(before);
  await page.getByLabel("Budget maximum par mois (€)").fill("");
  await expect.poll(async () => countOf(await visibleCount.textContent())).toBe(before);
});

test("[COMPARE] côte à côte, puis l'explication d'une offre se réconcilie au centime, accessible", async ({ page }) => {
  test.setTimeout(A11Y_JOURNEY_BUDGET_MS);
  await rankPreset(page, "couple-avec-enfants");

  const checkboxes = page.getByTestId("offer-row").getByRole("checkbox");
  await checkboxes.nth(0).check();
  await checkboxes.nth(1).check();
  await page.getByRole("link", { name: "Comparer côte à côte" }).click();
  await expect(page.getByRole("heading", { name: "Offres côte à côte" })).toBeVisible();
  await expect(page.locator("table.side-by-side thead th")).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOTS}/5-cote-a-cote.png`, fullPage: true });
  await page.goBack();

  // The explanation of the first offer reconciles to the cent on every row.
  await page.getByTestId("offer-row").first().locator("th a").click();
  await expect(page.getByRole("heading", { name: /Pourquoi il vous reste/ })).toBeVisible();
  const rows = page.locator("table.breakdown tr").filter({ has: page.locator(".num") });
  const count = await rows.count();
  expect(count).toBeGreaterThan(10);
  for (let index = 0; index < count; index += 1) {
    const [billed, secu, mutuelle, rac] = (await rows.nth(index).locator(".num").allTextContents()).map(cents);
    expect(billed).toBe(secu! + mutuelle! + rac!);
  }
  await expectNoSeriousA11yViolation(page);
  await page.screenshot({ path: `${SCREENSHOTS}/4-explication.png`, fullPage: true });
});

test("[COMPARE] un lien partagé reproduit le même classement", async ({ page, browser }) => {
  await page.goto("/comparer?preset=senior");
  await submitAndTime(page);
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  const ranking = await offerNames(page, 10);
  const shared = page.url();

  const other = await browser.newContext({ locale: "fr-FR" });
  const visitor = await other.newPage();
  await visitor.goto(shared);
  expect(await offerNames(visitor, 10)).toEqual(ranking);
  await other.close();
});

test("[COMPARE] le prix habituel de chaque soin est affiché et suit le secteur choisi", async ({ page }) => {
  await page.goto("/comparer");
  const price = page.getByLabel("Prix facturé en euros").first();
  await expect(price).toHaveAttribute("placeholder", "30,00\u00a0€");
  await page.getByLabel("Secteur du praticien").first().selectOption("2-optam");
  await expect(price).toHaveAttribute("placeholder", "35,00\u00a0€");
  await page.getByLabel("Soin", { exact: true }).first().selectOption("crown-free-price");
  await expect(price).toHaveAttribute("placeholder", "557,00\u00a0€");
});

test("[COMPARE] une saisie invalide est signalée en français à côté du champ, sans rien perdre", async ({ page }) => {
  await page.goto("/comparer");
  const age = page.getByLabel("Âge").first();
  await age.fill("quarante");
  await page.getByLabel("Nombre par an").first().fill("-3");
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(page.getByRole("alert").first()).toContainText("à corriger");
  await expect(age).toHaveAttribute("aria-invalid", "true");
  await expect(age).toHaveValue("quarante");
  await expect(page.getByLabel("Nombre par an").first()).toHaveValue("-3");
  await expect(page.locator(".field-error").first()).toBeVisible();
  // Every message names the field and what it accepts, in plain French.
  await expect(page.locator(".field-error").first()).toHaveText("Âge : indiquez un nombre entier entre 0 et 120.");
  await expect(page.locator(".field-error").nth(1)).toHaveText("Nombre par an : indiquez 0 ou plus (pas de nombre négatif).");
  await page.screenshot({ path: `${SCREENSHOTS}/6-erreurs.png`, fullPage: true });
});

test("[COMPARE] un POST forgé vers l'action serveur est refusé proprement et le serveur reste sain", async ({ page, request }) => {
  await page.goto("/comparer");
  const actionRequest = page.waitForRequest((candidate) => candidate.method() === "POST" && !!candidate.headers()["next-action"]);
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  const captured = await actionRequest;
  const headers = { "next-action": captured.headers()["next-action"]!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };

  // A body Next cannot even decode is refused by the framework before the action runs.
  const undecodable = await request.post("/comparer", { headers, data: "not json at all" });
  expect(await undecodable.text()).not.toMatch(/at \w+ \(|SyntaxError|prisma/i);

  const manyLines = Array.from({ length: 1000 }, () => ({ category: "gp", perYear: 1 }));
  const payloads = [
    JSON.stringify([{ profile: "garbage", sort: "worst" }]),
    JSON.stringify([{ profile: { startDate: "2026-01-01", department: "75", beneficiaries: [{ label: "A", age: 1e308, care: [] }] } }]),
    JSON.stringify([{ profile: { startDate: "2026-01-01", department: "75", beneficiaries: [{ label: "A", age: 30, care: [{ category: "gp", perYear: -5 }] }] } }]),
    JSON.stringify([{ profile: { startDate: "2026-01-01", department: "75", beneficiaries: [{ label: "A", age: 30, care: manyLines }] } }]),
  ];
  for (const data of payloads) {
    const response = await request.post("/comparer", { headers, data });
    expect(response.status()).toBeLessThan(500);
    const body = await response.text();
    expect(body).not.toMatch(/at \w+ \(|prisma|SELECT /i);
    expect(body).toContain("Certaines informations sont invalides");
  }
  expect((await request.get("/")).status()).toBe(200);
});

test("[COMPARE] un lien abîmé affiche un message clair au lieu d'une erreur", async ({ page }) => {
  for (const [url, title] of [
    ["/comparer/offre/inconnue?p=1.abime", "Détail d’une offre"],
    ["/comparer/cote-a-cote?p=2.abime&offres=a,b", "Offres côte à côte"],
  ] as const) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.locator("p.form-errors[role=alert]")).toContainText(/lien/);
  }
  await page.goto("/comparer?p=1.abime");
  await expect(page.getByRole("alert").first()).toContainText("Ce lien de comparaison est invalide");
  await expect(page.getByRole("button", { name: "Comparer les offres" })).toBeVisible();
});

test("[COMPARE] sur téléphone : formulaire et classement utilisables sans débordement de la page", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR", isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/comparer?preset=jeune-actif");
  await page.screenshot({ path: `${SCREENSHOTS}/7-telephone-formulaire.png`, fullPage: true });
  await page.getByRole("button", { name: "Comparer les offres" }).tap();
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
  // Wide tables scroll inside their own box; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}/8-telephone-resultats.png`, fullPage: true });
  await page.getByRole("heading", { name: /offres classées/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/9-telephone-classement.png` });
  await context.close();
});

test("[COMPARE] un soin occasionnel (couronne 0,3 fois par an) garde son coût attendu dans l'explication et le côte à côte", async ({ page }) => {
  const profile: ProfileInput = {
    startDate: "2026-12-01",
    department: "75",
    beneficiaries: [{ label: "Adulte", age: 45, care: [{ category: "crown-free-price", perYear: 0.3, price: "600.00" }] }],
  };
  await page.goto(`/comparer?p=${encodeURIComponent(encodeProfile(profile))}`);
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
  await page.getByTestId("offer-row").first().locator("th a").click();

  // The year as entered has no crown (0,3 rounds to 0), the expected year keeps 0,3 of one.
  const expectedRac = cents((await page.locator("dt", { hasText: "Reste à charge attendu" }).locator("+ dd").textContent()) ?? "");
  expect(expectedRac).toBeGreaterThan(0);
  await expect(page.getByTestId("expected-note")).toContainText("Année saisie");
  const line = page.getByTestId("expected-line").filter({ hasText: "Couronne à tarif libre" });
  await expect(line).toContainText("0,3 par an");
  const [billed, secu, mutuelle, rac, entered] = (await line.locator(".num").allTextContents()).map(cents);
  expect(billed).toBe(secu! + mutuelle! + rac!);
  // The only line: its expected reste à charge is the offer's, to the cent.
  expect(rac).toBe(expectedRac);
  expect(entered).toBe(0);
  await expect(page.getByTestId("expected-by-line").locator("tbody .category-row")).toContainText("Prothèses dentaires");
  await expectNoSeriousA11yViolation(page);
  await page.screenshot({ path: `${SCREENSHOTS}/6-explication-attendu.png`, fullPage: true });
  await page.goBack();

  // Side by side: the crown's row shows each offer's expected reste à charge, not 0 €.
  const checkboxes = page.getByTestId("offer-row").getByRole("checkbox");
  await checkboxes.nth(0).check();
  await checkboxes.nth(1).check();
  await page.getByRole("link", { name: "Comparer côte à côte" }).click();
  const crownRow = page.getByTestId("side-by-side-line").filter({ hasText: "Couronne à tarif libre (0,3 par an)" });
  await expect(crownRow).toBeVisible();
  const firstCell = crownRow.locator("td").first();
  expect(cents((await firstCell.textContent())!.split("(")[0]!)).toBe(expectedRac);
  await expect(firstCell).toContainText("(0,00");
});

test("[COMPARE] tri et filtres dans l'adresse : un rechargement les garde ; un budget refusé s'explique ; réinitialiser", async ({ page }) => {
  await page.goto("/comparer?preset=jeune-actif");
  await submitAndTime(page);
  await expect(page).toHaveURL(/\/comparer\?p=1\./);

  await page.getByLabel("Reste à charge attendu").check();
  await page.getByLabel("Avec réseau de soins").check();
  await page.getByLabel("Budget maximum par mois (€)").fill("80,50");
  await expect(page).toHaveURL(/tri=rac/);
  await expect(page).toHaveURL(/budget=80%2C50/);
  await expect(page).toHaveURL(/reseau=1/);
  // The server answers each change: the names are read once the ranking shown is the address's.
  await expect.poll(async () => (await page.locator("section.results").getAttribute("data-view")) === new URL(page.url()).search.slice(1)).toBe(true);
  const filtered = await offerNames(page, 20);
  // Signing in to save the profile comes back to this very view.
  const signIn = new URL((await page.getByRole("link", { name: "Connectez-vous pour enregistrer ce profil" }).getAttribute("href"))!, page.url());
  expect(signIn.searchParams.get("retour")).toBe(`${new URL(page.url()).pathname}${new URL(page.url()).search}`);

  await page.reload();
  await expect(page.getByLabel("Reste à charge attendu")).toBeChecked();
  await expect(page.getByLabel("Avec réseau de soins")).toBeChecked();
  await expect(page.getByLabel("Budget maximum par mois (€)")).toHaveValue("80,50");
  expect(await offerNames(page, 20)).toEqual(filtered);

  // A negative budget is refused with a message next to the field; it filters nothing.
  const budget = page.getByLabel("Budget maximum par mois (€)");
  await budget.fill("-5");
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".budget-filter .field-error")).toHaveText("Budget : indiquez un montant supérieur à 0 € par mois.");
  await expect(page.getByTestId("offer-row").first()).toBeVisible();

  // A budget below every premium says so, and the filters can be reset in one click.
  await budget.fill("1");
  await expect(page.getByTestId("offer-row")).toHaveCount(0);
  await expect(page.getByTestId("no-offer-left")).toContainText(/Aucune offre ne correspond à ces filtres\. La moins chère coûte [\d\s\u202f]+,\d\d\u00a0€ par mois/);
  await page.screenshot({ path: `${SCREENSHOTS}/10-filtres-vides.png`, fullPage: true });
  await page.getByRole("button", { name: "Réinitialiser les filtres" }).click();
  await expect(budget).toHaveValue("");
  await expect(page.getByLabel("Avec réseau de soins")).not.toBeChecked();
  await expect(page.getByLabel("Reste à charge attendu")).toBeChecked();
  await expect(page).not.toHaveURL(/budget=|reseau=/);
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
});
