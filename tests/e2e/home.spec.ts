import { expect, test } from "./support/test";
import { countPublishedOffers } from "./support/database";

test("[HOME] la page d’accueil affiche le nombre d’offres lu dans la base", async ({ page }) => {
  const offers = await countPublishedOffers();
  expect(offers).toBeGreaterThan(0);

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("année de soins");
  await expect(page.getByTestId("offer-count")).toHaveText(`${new Intl.NumberFormat("fr-FR").format(offers)} offres dans le catalogue.`);
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});
