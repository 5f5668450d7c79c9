import { encodeProfile } from "../../lib/compare/profile-url";
import { expect, test } from "./support/test";
import { sql } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";

// A comparison on a busy 2-core machine takes seconds: conditions are awaited with room.
const RANKING_TIMEOUT_MS = 60_000;

async function firstPublishedOffer(): Promise<{ id: string; formula: string }> {
  const [row] = await sql<{ id: string; formula: string }>(`SELECT "id", "formula" FROM "Offer" WHERE "status" = 'PUBLISHED' ORDER BY "id" LIMIT 1`);
  return row!;
}

test("[OFFERS] le tableau de garanties d’une offre, sans profil puis avec un profil", async ({ page }) => {
  test.setTimeout(120_000);
  const offer = await firstPublishedOffer();

  // Without a profile: the offer's tableau and an invitation to compare, no error.
  await page.goto(`/comparer/offre/${offer.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(offer.formula);
  const table = page.getByTestId("guarantee-table");
  await expect(table.getByRole("heading", { name: "Tableau de garanties" })).toBeVisible();
  await expect(table.getByTestId("guarantee-row")).toHaveCount(18);
  await expect(table.getByRole("rowheader", { name: "Médecin généraliste" })).toBeVisible();
  // Printed as insurers print it: a rate of the BR, a forfait or "non couvert" on every line.
  for (const text of await table.getByTestId("guarantee-row").locator("td").allTextContents()) {
    expect(text).toMatch(/% BR|€|frais réels|non couvert/);
  }
  await expect(page.getByText("Aucun profil de soins")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/offre-sans-profil.png`, fullPage: true });
  // On a phone each line's name is above its terms, across the table's width (not squeezed into a column).
  await page.setViewportSize({ width: 360, height: 800 });
  const label = await table.getByRole("rowheader", { name: "Médecin généraliste" }).boundingBox();
  const whole = await table.locator("table").boundingBox();
  expect(label!.width).toBeGreaterThan(whole!.width * 0.9);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId("compare-invitation").getByRole("link", { name: "Comparer avec mon profil de soins" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Votre année de soins" })).toBeVisible();

  // With a profile: the explanation, then the same tableau.
  const p = encodeProfile({ startDate: "2026-12-01", department: "75", beneficiaries: [{ label: "Adulte", age: 40, care: [{ category: "gp", perYear: 3 }] }] });
  // On a loaded machine the engine's deadline may refuse the first (cold) computation with a
  // message to try again: the page is loaded again, as a person would, until it is computed.
  await expect(async () => {
    await page.goto(`/comparer/offre/${offer.id}?p=${encodeURIComponent(p)}`);
    await expect(page.getByRole("heading", { name: "L’année saisie, acte par acte" })).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: RANKING_TIMEOUT_MS });
  await expect(page.getByTestId("guarantee-table").getByTestId("guarantee-row")).toHaveCount(18);
});

test("[OFFERS] Complémentaire santé solidaire : la carte au-dessus du classement pour un foyer aux faibles ressources", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/comparer");
  await expect(page.getByRole("button", { name: "Comparer les offres" })).toBeEnabled();
  await page.getByLabel("Ressources annuelles du foyer, en euros").fill("9 000");
  await page.getByRole("button", { name: "Comparer les offres" }).click();

  const card = page.getByTestId("css-card");
  await expect(card).toBeVisible({ timeout: RANKING_TIMEOUT_MS });
  await expect(page.getByTestId("offer-row").first()).toBeVisible();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText("Complémentaire santé solidaire : gratuite pour votre foyer");
  await expect(card.getByTestId("css-participation")).toHaveText("Gratuite");
  // One adult with three GP visits at the Sécu tariff, no 2 € participation: nothing left to pay.
  await expect(card.getByTestId("css-rac")).toHaveText("0,00 €");
  await expect(card.getByTestId("css-period")).toContainText("Plafonds de métropole");
  await expect(card.getByRole("link", { name: /compte ameli/ })).toHaveAttribute("href", /^https:\/\/www\.ameli\.fr\//);
  await page.screenshot({ path: `${SCREENSHOTS}/css-carte.png`, fullPage: true });

  // The shareable URL has the profile, not the resources: opened again, no CSS card.
  await expect(page).toHaveURL(/\/comparer\?p=1\./);
  await expect(card).toBeVisible();
  // Another view of the ranking (sorted by reste à charge) is asked of the server with the resources: the card stays.
  await page.getByLabel("Reste à charge attendu", { exact: true }).check();
  await expect(page.getByRole("status")).toHaveCount(0, { timeout: RANKING_TIMEOUT_MS });
  await expect(page).toHaveURL(/tri=rac/);
  await expect(card.getByTestId("css-participation")).toHaveText("Gratuite");
  await page.reload();
  await expect(page.getByTestId("offer-row").first()).toBeVisible({ timeout: RANKING_TIMEOUT_MS });
  await expect(page.getByTestId("css-card")).toHaveCount(0);

  // With a participation: resources above the free ceiling for one person.
  await page.getByRole("button", { name: "Modifier le profil de soins" }).click();
  await page.getByLabel("Ressources annuelles du foyer, en euros").fill("12000");
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText("Complémentaire santé solidaire : 14,00 € par mois pour votre foyer", {
    timeout: RANKING_TIMEOUT_MS,
  });
  await expect(card.getByTestId("css-participation")).toHaveText("168,00 €");
});
