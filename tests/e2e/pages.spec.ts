import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { encodeProfile } from "../../lib/compare/profile-url";
import { expect, test } from "./support/test";
import { createUser, signIn, sql, type TestUser } from "./support/users";

const SCREENSHOTS = "test-results/screenshots";
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1366, height: 900 };

const FAMILY = encodeProfile({
  startDate: "2026-01-01",
  department: "75",
  beneficiaries: [
    { label: "Adulte 1", age: 42, care: [{ category: "gp", perYear: 4 }, { category: "specialist-referred", perYear: 2, sector: "2-non-optam", price: "65.00" }, { category: "crown-free-price", perYear: 1 }] },
    { label: "Enfant", age: 9, care: [{ category: "gp", perYear: 3 }] },
  ],
});

interface PageVisit {
  name: string;
  path: string;
  /** Who must be signed in to see it. */
  as?: "user" | "admin";
  /** Waits for what the page draws after loading (results, charts). */
  ready?: (page: Page) => Promise<void>;
  /** Cells that must be within the window's width, not hidden in a box scrolled sideways. */
  inView?: string;
}

/** How far right of the window the furthest of these elements reaches (0 when all are within). */
async function beyondWindow(page: Page, selector: string, width: number): Promise<number> {
  return page.locator(selector).evaluateAll(
    (elements, limit) => Math.max(0, ...elements.map((element) => element.getBoundingClientRect().right - limit)),
    width,
  );
}

async function publishedOfferIds(count: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(`SELECT "id" FROM "Offer" WHERE "status" = 'PUBLISHED' ORDER BY "id" LIMIT $1`, [count]);
  return rows.map((row) => row.id);
}

/**
 * The page scrolls sideways when its content is wider than the window. `width` is the
 * device's: a phone browser widens its layout viewport to fit wide content.
 */
async function sidewaysOverflow(page: Page, width: number): Promise<{ width: number; widest: string[] }> {
  return page.evaluate((limit) => {
    // The elements sticking out, to say what to fix (scroll boxes clip what they hold).
    const widest = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > limit + 1 && !element.closest(".table-scroll, .visually-hidden"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { width: document.documentElement.scrollWidth, widest };
  }, width);
}

async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

async function visitAll(browser: Browser, visits: PageVisit[], accounts: Record<"user" | "admin", TestUser>) {
  for (const [label, viewport] of [["telephone", PHONE], ["ordinateur", DESKTOP]] as const) {
    const contexts = new Map<string, Page>();
    const pageFor = async (as: PageVisit["as"]) => {
      const key = as ?? "visitor";
      const existing = contexts.get(key);
      if (existing) return existing;
      const context = await browser.newContext({ viewport, locale: "fr-FR", timezoneId: "Europe/Paris", isMobile: label === "telephone", hasTouch: label === "telephone" });
      const page = await context.newPage();
      if (as) await signIn(page, accounts[as], "/");
      contexts.set(key, page);
      return page;
    };
    for (const visit of visits) {
      const page = await pageFor(visit.as);
      await page.goto(visit.path);
      await visit.ready?.(page);
      const overflow = await sidewaysOverflow(page, viewport.width);
      expect.soft(overflow.width, `${visit.name} (${viewport.width} px) défile de côté : ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(viewport.width);
      if (visit.inView) {
        expect(await page.locator(visit.inView).count(), `${visit.name} : ${visit.inView}`).toBeGreaterThan(0);
        expect.soft(await beyondWindow(page, visit.inView, viewport.width), `${visit.name} (${viewport.width} px) : ${visit.inView} hors de l’écran`).toBe(0);
      }
      expect.soft(await seriousA11yViolations(page), `${visit.name} (${viewport.width} px) : axe`).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/pages/${label}-${visit.name}.png`, fullPage: true });
    }
    for (const page of contexts.values()) await page.context().close();
  }
}

test("[PAGES] chaque page, à 360 px et à 1366 px : rien ne défile de côté, aucune violation grave d’accessibilité", async ({ browser }) => {
  // About thirty-five pages, each measured and checked by axe twice: minutes on a shared machine
  // (5.4 min measured with the offer without profile and the CSS card, at load average ~10 on 2 cores).
  test.setTimeout(600_000);
  const [first, second, third] = await publishedOfferIds(3);
  const accounts = { user: await createUser("USER"), admin: await createUser("ADMIN") };
  const p = encodeURIComponent(FAMILY);
  // The account page shows a saved profile with its last result.
  await sql(
    `INSERT INTO "SavedProfile" ("id", "userId", "name", "profile", "createdAt", "updatedAt") VALUES ($1, $2, 'Famille de 2, Paris', $3, now(), now())`,
    [`e2e-pages-${accounts.user.id}`, accounts.user.id, JSON.stringify({ startDate: "2026-01-01", department: "75", beneficiaries: [{ label: "Adulte 1", age: 42, care: [{ category: "gp", perYear: 4 }] }] })],
  );
  const results = async (page: Page) => {
    await expect(page.getByTestId("offer-row").first()).toBeVisible();
    await page.locator(".charts-slot").scrollIntoViewIfNeeded();
    await expect(page.locator(".charts svg.recharts-surface").first()).toBeVisible();
  };
  const visits: PageVisit[] = [
    { name: "accueil", path: "/" },
    { name: "formulaire", path: "/comparer?preset=couple-avec-enfants" },
    { name: "resultats", path: `/comparer?p=${p}`, ready: results, inView: "table.offers-table td" },
    {
      // The Complémentaire santé solidaire card above the ranking, for a household with low resources.
      name: "resultats-css",
      path: "/comparer",
      ready: async (page) => {
        await expect(page.getByRole("button", { name: "Comparer les offres" })).toBeEnabled();
        await page.getByLabel("Ressources annuelles du foyer, en euros").fill("12000");
        await page.getByRole("button", { name: "Comparer les offres" }).click();
        await expect(page.getByTestId("css-card")).toBeVisible({ timeout: 60_000 });
        await page.getByTestId("css-card").getByText("Comment ce reste à charge est calculé").click();
      },
      inView: "[data-testid=css-card] dd",
    },
    // The Mutuelle and Reste à charge columns are on screen, not scrolled away.
    { name: "explication", path: `/comparer/offre/${first}?p=${p}`, inView: "table.breakdown .num" },
    // Opened without a profile: the tableau de garanties, each line's label above its terms on a phone.
    { name: "offre-sans-profil", path: `/comparer/offre/${first}`, inView: "table.guarantee-table td" },
    { name: "cote-a-cote", path: `/comparer/cote-a-cote?p=${p}&offres=${first},${second},${third}`, inView: "table.side-by-side td.num" },
    {
      name: "methode",
      path: "/comment-nous-calculons",
      ready: async (page) => {
        // Sources: each once, labelled with a title, no internal file name.
        const links = page.locator("ul.sources a");
        const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
        expect(hrefs.length).toBeGreaterThan(5);
        expect(new Set(hrefs).size).toBe(hrefs.length);
        for (const text of await links.allTextContents()) expect(text).not.toMatch(/^https?:/);
        await expect(page.locator("main")).not.toContainText("DOMAIN.md");
      },
    },
    { name: "introuvable", path: "/page-qui-n-existe-pas" },
    { name: "connexion", path: "/connexion" },
    { name: "inscription", path: "/inscription" },
    { name: "verifiez-vos-mails", path: "/connexion/verifiez-vos-mails" },
    {
      name: "compte",
      path: "/compte",
      as: "user",
      ready: async (page) => {
        const card = page.getByTestId("saved-profile").first();
        if ((await card.getByTestId("last-run-offer").count()) === 0) {
          await card.getByRole("button", { name: "Relancer" }).click();
          await expect(card.getByTestId("last-run-offer").first()).toBeVisible();
        }
      },
    },
    { name: "admin-offres", path: "/admin", as: "admin" },
    { name: "admin-editeur", path: `/admin/offres/${first}`, as: "admin" },
    { name: "admin-assureurs", path: "/admin/assureurs", as: "admin" },
    { name: "admin-import-export", path: "/admin/import-export", as: "admin" },
  ];
  await visitAll(browser, visits, accounts);
});
