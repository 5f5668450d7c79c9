import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createUser, signIn, sql, type TestUser } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";

/** Opens one line of the tableau de garanties in the form (a <details>). */
async function guaranteeLine(page: Page, label: string): Promise<Locator> {
  const line = page.locator("details.guarantee").filter({ has: page.locator("summary", { hasText: label }) });
  await line.locator("summary").click();
  return line;
}

/** Enters an offer as a person copies it from a printed tableau de garanties or a devis. */
async function enterOffer(
  page: Page,
  offer: { insurer: string; formula: string; premium: { household: string; people: string } | { perPerson: string }; currentSince?: string },
) {
  await page.goto("/compte/offres");
  await page.getByRole("link", { name: "Ajouter une offre" }).click();
  await expect(page.getByRole("heading", { name: "Ajouter une offre" })).toBeVisible();
  await page.getByLabel("Assureur ou mutuelle").fill(offer.insurer);
  await page.getByLabel("Nom de la formule").fill(offer.formula);
  if ("household" in offer.premium) {
    await page.getByLabel("Pour tout le foyer").check();
    await page.getByLabel("Cotisation mensuelle du foyer (€)").fill(offer.premium.household);
    await page.getByLabel("Nombre de personnes couvertes par ce devis").fill(offer.premium.people);
  } else {
    await page.getByLabel("Tranche 1 : cotisation mensuelle (€)").fill(offer.premium.perPerson);
  }
  if (offer.currentSince) {
    await page.getByLabel("C’est mon contrat actuel").check();
    await page.getByLabel("Date d’adhésion à ce contrat").fill(offer.currentSince);
  }
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Enregistrer l’offre" }).click();
  await expect(page).toHaveURL(/\/compte\/offres$/);
}

/** Runs the "Jeune actif" example and waits for its ranking. */
async function compareExample(page: Page): Promise<void> {
  await page.goto("/comparer?preset=jeune-actif");
  await page.getByRole("button", { name: "Comparer les offres" }).click();
  await expect(page).toHaveURL(/\/comparer\?p=1\./, { timeout: 30_000 });
  await expect(page.getByTestId("offer-row").first()).toBeVisible({ timeout: 30_000 });
}

/** The row whose offer link names this insurer (another row may name it too, as the offer that dominates it). */
const row = (page: Page, insurer: string) => page.getByTestId("offer-row").filter({ has: page.getByRole("link", { name: new RegExp(`^${insurer} — `) }) });

test("[OFFERS] enter a devis and the current contract from printed tables, rank them alone and with the catalogue, see the savings and the leaving date, open their pages, share: another person sees none of it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const alice: TestUser = await createUser();
  const bob: TestUser = await createUser();
  await signIn(page, alice, "/compte/offres");
  await expect(page.getByText("0 offre sur 20 possibles")).toBeVisible();

  // A devis: « 200 % BR » for the GP (180 % non OPTAM), « forfait 300 € par implant », 90 € a month for the household of one.
  await enterOffer(page, { insurer: "Mutuelle du Devis", formula: "Confort Devis", premium: { household: "90", people: "1" } });
  const gp = await guaranteeLine(page, "Médecin généraliste");
  // The default is « 100 % BR »: an OPTAM GP at the usual price leaves the dépassement.
  await expect(page.getByTestId("usual-act-doctor-gp")).not.toContainText("reste à charge 2,00");
  await gp.getByLabel("Médecin généraliste : taux en % de la BR").fill("200");
  await gp.getByLabel("Médecin généraliste : taux non OPTAM (%)").fill("180");
  // Live: the usual GP visit now leaves only the 2 € participation forfaitaire.
  await expect(page.getByTestId("usual-act-doctor-gp")).toContainText("reste à charge 2,00");
  const implants = await guaranteeLine(page, "Implants dentaires");
  await implants.getByLabel("Implants dentaires : forfait en euros").check();
  await implants.getByLabel("Implants dentaires : montant du forfait (€)").fill("300");
  await implants.getByLabel("Implants dentaires : forfait", { exact: true }).selectOption("equipment");
  await expect(page.getByTestId("usual-act-dental-implants")).toContainText("mutuelle 300,00");
  // « Prothèses dentaires : 1 000 € par an et par bénéficiaire ».
  await page.getByRole("button", { name: "Ajouter un plafond" }).click();
  await page.getByLabel("Plafond 1 : Prothèses dentaires").check();
  await page.getByLabel("Plafond 1 : montant par an et par bénéficiaire (€)").fill("1000");
  await expect(page.getByTestId("responsable-warnings")).toHaveCount(0);
  await save(page);
  const ceilings = await sql<{ categories: string; amount: string }>(
    `SELECT c."categories"::text AS "categories", c."amount"::text AS "amount" FROM "OfferCeiling" c JOIN "Offer" o ON o."id" = c."offerId" WHERE o."ownerId" = $1`,
    [alice.id],
  );
  expect(ceilings).toEqual([{ categories: "{dental-prosthesis}", amount: "1000.00" }]);

  // The current contract, from its tableau de garanties: the defaults, 75 € a month per person, member since March 2025.
  await enterOffer(page, { insurer: "Ancienne Mutuelle", formula: "Essentiel", premium: { perPerson: "75" }, currentSince: "2025-03-01" });
  await save(page);
  await expect(page.getByTestId("own-offer")).toHaveCount(2);
  await expect(page.getByTestId("own-offer").filter({ hasText: "Ancienne Mutuelle" })).toContainText("Mon contrat actuel");
  await page.screenshot({ path: `${SCREENSHOTS}/own-offers-list.png`, fullPage: true });

  // Ranked with the catalogue: the current contract and when it can be left.
  await compareExample(page);
  await expect(page.getByTestId("current-contract")).toContainText("Ancienne Mutuelle — Essentiel");
  await expect(page.getByTestId("leaving-date")).toContainText("Vous pouvez résilier votre contrat actuel à tout moment");
  await expect(page.getByTestId("leaving-date")).toContainText(/soit le \d{1,2}(er)? \p{L}+ \d{4}/u);
  const catalogueCount = (await page.getByTestId("visible-count").textContent())!;
  // The catalogue's offers and both own offers, ranked together (the own ones on whichever page their rank puts them).
  expect(Number.parseInt(catalogueCount, 10)).toBeGreaterThan(2);
  await page.screenshot({ path: `${SCREENSHOTS}/own-offers-ranking.png`, fullPage: true });

  // Alone: only the person's offers, marked, with the yearly differences against the current contract; the link keeps the choice.
  await page.getByLabel("Mes offres seulement").check();
  await expect(page.getByTestId("offer-row")).toHaveCount(2);
  await expect(page).toHaveURL(/mes-offres=1/);
  await expect(row(page, "Mutuelle du Devis")).toContainText("Mon offre");
  await expect(row(page, "Ancienne Mutuelle")).toContainText("Mon contrat actuel");
  // 90 € against 75 € a month: 180 € more a year in premium.
  await expect(row(page, "Mutuelle du Devis").getByTestId("versus-current")).toContainText("cotisation +180,00");
  await expect(row(page, "Mutuelle du Devis").getByTestId("versus-current")).toContainText("reste à charge attendu");
  await expect(row(page, "Ancienne Mutuelle").getByTestId("versus-current")).toHaveCount(0);
  await page.getByLabel("Avec le catalogue").check();
  await expect(page.getByTestId("visible-count")).toHaveText(catalogueCount);
  await page.getByLabel("Mes offres seulement").check();
  await expect(page.getByTestId("offer-row")).toHaveCount(2);
  const sharedLink = page.url();

  // Each own offer's explanation page, marked as the person's.
  await row(page, "Mutuelle du Devis").getByRole("link", { name: /Mutuelle du Devis/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mon offre");
  const devisPage = page.url();
  await page.getByRole("link", { name: "← Retour au classement" }).click();
  await row(page, "Ancienne Mutuelle").getByRole("link", { name: /Ancienne Mutuelle/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mon contrat actuel");
  await page.getByRole("link", { name: "← Retour au classement" }).click();

  // Side by side.
  await expect(page.getByTestId("offer-row")).toHaveCount(2);
  await row(page, "Mutuelle du Devis").getByRole("checkbox").check();
  await row(page, "Ancienne Mutuelle").getByRole("checkbox").check();
  await page.getByRole("link", { name: "Comparer côte à côte" }).click();
  await expect(page.getByRole("heading", { name: "Offres côte à côte" })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("table.side-by-side thead")).toContainText("Mon offre");
  await expect(page.locator("table.side-by-side thead")).toContainText("Mon contrat actuel");
  const sideBySide = page.url();

  // Signed out, then Bob opens everything Alice could share: nothing of hers.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await signIn(page, bob, "/compte/offres");
  await expect(page.getByTestId("own-offer")).toHaveCount(0);
  await page.goto(sharedLink);
  await expect(page.getByTestId("offer-row").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Mutuelle du Devis")).toHaveCount(0);
  await expect(page.getByText("Ancienne Mutuelle")).toHaveCount(0);
  await expect(page.getByTestId("current-contract")).toHaveCount(0);
  const notFound = await page.goto(devisPage);
  expect(notFound?.status()).toBe(404);
  await page.goto(sideBySide);
  await expect(page.getByRole("heading", { name: "Offres côte à côte" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Mutuelle du Devis")).toHaveCount(0);
  const editPage = await page.goto(`/compte/offres/${new URL(devisPage).pathname.split("/").pop()}`);
  expect(editPage?.status()).toBe(404);
});

test("[OFFERS] an own offer is edited with what was saved, and deleted after a confirmation", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user, "/compte/offres");
  await enterOffer(page, { insurer: "Mutuelle à Modifier", formula: "Devis Mars", premium: { perPerson: "40" } });
  await save(page);

  await page.getByRole("link", { name: "Modifier Mutuelle à Modifier — Devis Mars" }).click();
  await expect(page.getByLabel("Nom de la formule")).toHaveValue("Devis Mars");
  await expect(page.getByLabel("Tranche 1 : cotisation mensuelle (€)")).toHaveValue("40,00");
  await page.getByLabel("Nom de la formule").fill("Devis Avril");
  await save(page);
  await expect(page.getByTestId("own-offer")).toContainText("Mutuelle à Modifier — Devis Avril");

  await page.getByRole("button", { name: "Supprimer Mutuelle à Modifier — Devis Avril" }).click();
  await page.getByRole("button", { name: "Confirmer la suppression de Mutuelle à Modifier — Devis Avril" }).click();
  await expect(page.getByTestId("own-offer")).toHaveCount(0);
  await expect(page.getByText("0 offre sur 20 possibles")).toBeVisible();
});
