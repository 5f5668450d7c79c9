import { randomBytes } from "node:crypto";
import { expect, test as base } from "@playwright/test";

/**
 * A client address of its own for a test. The server under test trusts one proxy
 * (TRUSTED_PROXY_COUNT=1: the last X-Forwarded-For entry is the client), and its limits
 * count per address: tests sharing one (the loopback) would add up their sign-ins and
 * comparisons and throttle each other as the suite grows. 24 random bits: with 254
 * addresses, two tests collided about one run in six, once with an address a test had
 * exhausted on purpose.
 */
export const uniqueClientIp = () => `10.${[...randomBytes(3)].join(".")}`;

/**
 * Playwright's `test`, failing any test whose page reports a Content-Security-Policy
 * violation: the production CSP (proxy.ts) must let every page of the app work as is.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ "x-forwarded-for": uniqueClientIp() });
  },
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
