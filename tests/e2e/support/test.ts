import { expect, test as base } from "@playwright/test";

/**
 * Playwright's `test`, failing any test whose page reports a Content-Security-Policy
 * violation: the production CSP (proxy.ts) must let every page of the app work as is.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const watch = (page: import("@playwright/test").Page) =>
        page.on("console", (message) => {
          if (message.type() === "error" && /Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) {
            violations.push(`${page.url()}: ${message.text()}`);
          }
        });
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(violations);
      expect(violations, "CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
