// `npm run lighthouse`: Lighthouse (Debian's Chromium) on the production build, for the
// home page and a results page, plus the JavaScript the home page sends (gzipped).
// Prints JSON; exits 1 when a target of the public-site issue is missed.
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { encodeProfile } from "../lib/compare/profile-url";
import { referenceProfile } from "../seed/factories/profiles";
import { withTestServer } from "./lib/test-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium";

const TARGETS = { resultsPerformance: 90, resultsAccessibility: 95, homeJsGzipBytes: 200 * 1024 };

async function scriptBytes(baseUrl: string, pagePath: string): Promise<number> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const sources = [...new Set(html.match(/\/_next\/static\/[^"']+\.js/g) ?? [])];
  const sizes = await Promise.all(sources.map(async (src) => gzipSync(Buffer.from(await (await fetch(`${baseUrl}${src}`)).arrayBuffer())).length));
  return sizes.reduce((sum, size) => sum + size, 0);
}

const report = await withTestServer(async ({ baseUrl }) => {
  const resultsPath = `/comparer?p=${encodeURIComponent(encodeProfile(referenceProfile("couple-avec-enfants")))}`;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const scores: Record<string, Record<string, number>> = {};
    const metrics: Record<string, Record<string, number>> = {};
    for (const [name, pagePath] of [["home", "/"], ["results", resultsPath]] as const) {
      // One warm-up request so the measured run does not pay the server's first-request costs.
      await fetch(`${baseUrl}${pagePath}`);
      const result = await lighthouse(`${baseUrl}${pagePath}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
      const categories = result?.lhr.categories ?? {};
      scores[name] = Object.fromEntries(Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]));
      const audits = result?.lhr.audits ?? {};
      metrics[name] = Object.fromEntries(
        ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [
          id,
          Math.round((audits[id]?.numericValue ?? 0) * 1000) / 1000,
        ]),
      );
    }
    return { scores, metrics, homeJsGzipBytes: await scriptBytes(baseUrl, "/"), comparerJsGzipBytes: await scriptBytes(baseUrl, "/comparer") };
  } finally {
    await chrome.kill();
  }
});

const met = {
  resultsPerformance: (report.scores.results?.performance ?? 0) >= TARGETS.resultsPerformance,
  resultsAccessibility: (report.scores.results?.accessibility ?? 0) >= TARGETS.resultsAccessibility,
  homeJs: report.homeJsGzipBytes <= TARGETS.homeJsGzipBytes,
};
console.log(JSON.stringify({ ...report, targets: TARGETS, targetsMet: met }, null, 2));
process.exit(Object.values(met).every(Boolean) ? 0 : 1);
