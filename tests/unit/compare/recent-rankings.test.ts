import { describe, expect, it } from "vitest";
import { RecentRankings } from "@/lib/compare/recent-rankings";

/** A computation that counts its runs. */
function counted(value: string) {
  const counter = { runs: 0, compute: () => Promise.resolve(value) };
  counter.compute = () => {
    counter.runs += 1;
    return Promise.resolve(value);
  };
  return counter;
}

describe("the rankings kept between requests", () => {
  it("asking again for a profile of the same revision computes nothing, also while the first is being computed", async () => {
    const kept = new RecentRankings<string>(10);
    const ranking = counted("classement");
    const [first, second] = await Promise.all([kept.get("7@2026-11-30", "profil", ranking.compute), kept.get("7@2026-11-30", "profil", ranking.compute)]);
    expect([first, second, await kept.get("7@2026-11-30", "profil", ranking.compute)]).toEqual(["classement", "classement", "classement"]);
    expect(ranking.runs).toBe(1);
  });

  it("a new catalogue revision drops every ranking of the previous one (each keeps its catalogue alive)", async () => {
    const kept = new RecentRankings<string>(10);
    await kept.get("7@2026-11-30", "a", () => Promise.resolve("a7"));
    await kept.get("7@2026-11-30", "b", () => Promise.resolve("b7"));
    expect(kept.size).toBe(2);
    expect(await kept.get("8@2026-11-30", "a", () => Promise.resolve("a8"))).toBe("a8");
    expect(kept.size).toBe(1);
  });

  it("a refused computation is not kept: the next request tries again", async () => {
    const kept = new RecentRankings<string>(10);
    await expect(kept.get("7", "a", () => Promise.reject(new Error("délai dépassé")))).rejects.toThrow("délai dépassé");
    await Promise.resolve();
    expect(kept.size).toBe(0);
    expect(await kept.get("7", "a", () => Promise.resolve("a"))).toBe("a");
  });

  it("past its capacity, the oldest ranking goes", async () => {
    const kept = new RecentRankings<string>(2);
    const oldest = counted("a");
    await kept.get("7", "a", oldest.compute);
    await kept.get("7", "b", () => Promise.resolve("b"));
    await kept.get("7", "c", () => Promise.resolve("c"));
    expect(kept.size).toBe(2);
    await kept.get("7", "a", oldest.compute);
    expect(oldest.runs).toBe(2);
  });
});
