import { describe, expect, it } from "vitest";
import { assertSeedAllowed } from "@/seed/seed";

describe("seed guard", () => {
  it("refuses production unless forced", () => {
    expect(() => assertSeedAllowed("production", [])).toThrow(/production/);
    expect(() => assertSeedAllowed("production", ["--force"])).not.toThrow();
    expect(() => assertSeedAllowed("development", [])).not.toThrow();
  });
});
