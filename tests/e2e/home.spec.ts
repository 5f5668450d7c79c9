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

test("[HOME] la garde CSP échoue sur un script que la politique bloque (elle peut donc échouer)", async ({ page }) => {
  // Expected to fail: the cspViolations fixture (support/test.ts) must turn the violation into a failure.
  test.fail();
  await page.goto("/");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});
