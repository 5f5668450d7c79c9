import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/format";

describe("formatCount", () => {
  it.each([
    [0, "0 offre"],
    [1, "1 offre"],
    [2, "2 offres"],
    [1234, "1\u202f234 offres"],
  ])("%i → %s", (count, expected) => {
    expect(formatCount(count, "offre")).toBe(expected);
  });
});
