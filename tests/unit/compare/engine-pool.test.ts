import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EngineRefusal } from "@/lib/compare/engine-refusal";
import { CATALOGUE_ALLOWANCE_MS, EnginePool, isHeavy, quoteOffersOffThread, rankOffersOffThread } from "@/lib/compare/engine-thread";
import { HeldCatalogue } from "@/lib/compare/engine-catalogue";
import { quoteOffers, rankOffers, type QuoteOptions } from "@/lib/engine";
import { profileSchema, type Profile } from "@/lib/schemas/profile";
import { REFERENCE_PROFILE_IDS, referenceProfile } from "@/seed/factories/profiles";
import { generateSyntheticOffers } from "@/seed/factories/synthetic-catalogue";

/**
 * The pool of engine workers, on a bundle of this tree's worker (the production build
 * makes the same one into .next/engine-worker.mjs).
 */
const OPTIONS: QuoteOptions = { breakdown: false, monteCarlo: { deductionSampleCount: 10_000 } };
/** Ordinary calls get a long deadline: a loaded CI machine must not make them miss it; the slow ones get the pool's. */
const PATIENT = { deadlineMs: 30_000 };
/** The pool's deadline where a SLOW call must miss it: a fifth of that call's time on a fast idle core. */
const SHORT_DEADLINE_MS = 100;
/**
 * Three hundred times the sampled years the pages ask for: with slowProfile(), about half a
 * second of engine work on a fast idle core (505 ms measured), still within the budget (it
 * grows with the sample count, the server's choice): the deadline is for what the cost
 * model undercounts.
 */
const SLOW: QuoteOptions = { breakdown: false, monteCarlo: { deductionSampleCount: 3_000_000 } };
const catalogue = { revision: "r1", offers: generateSyntheticOffers({ count: 30, seed: 4 }) };
let directory: string;
let file: string;

/** An ordinary household: slow only with SLOW's sample count. */
function slowProfile(): Profile {
  return referenceProfile("couple-avec-enfants");
}

/** Past the schema's limits (built line by line): refused by the engine's cost model. */
function tooLargeProfile(): Profile {
  const base = profileSchema.parse({ startDate: "2026-07-01", department: "75", beneficiaries: [{ label: "P", age: 40, care: [{ category: "gp", perYear: 1 }] }] });
  const line = base.beneficiaries[0]!.care[0]!;
  return {
    ...base,
    beneficiaries: Array.from({ length: 10 }, (_, b) => ({ ...base.beneficiaries[0]!, label: `P${b}`, care: Array.from({ length: 60 }, () => ({ ...line, perYear: 366 })) })),
  };
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "engine-pool-"));
  file = path.join(directory, "engine-worker.mjs");
  await build({ entryPoints: [path.resolve("lib/compare/engine-worker.ts")], outfile: file, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" });
}, 60_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("engine calls run on the request thread without a deadline (issue 12 §1)", () => {
  test("a pool call gives exactly the engine's result, for the catalogue or a subset of it", async () => {
    const pool = new EnginePool({ file, size: 2, deadlineMs: 30_000 });
    try {
      const profile = referenceProfile("couple-avec-enfants");
      expect(await pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers)).toEqual(quoteOffers(catalogue.offers, profile, OPTIONS));
      const ids = [catalogue.offers[3]!.id, catalogue.offers[7]!.id];
      const subset = await pool.quote({ revision: "r1", offerIds: ids, profile, options: OPTIONS }, catalogue.offers);
      expect(subset).toEqual(quoteOffers([catalogue.offers[3]!, catalogue.offers[7]!], profile, OPTIONS));
      const loose = await pool.quote({ revision: null, profile, options: OPTIONS }, [catalogue.offers[5]!]);
      expect(loose).toEqual(quoteOffers([catalogue.offers[5]!], profile, OPTIONS));
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("past the deadline the worker is terminated and replaced, the caller gets a French refusal, and the other worker keeps answering", async () => {
    const pool = new EnginePool({ file, size: 2, deadlineMs: SHORT_DEADLINE_MS });
    try {
      const profile = referenceProfile("jeune-actif");
      // Warm both workers (the first call of a worker loads and compiles the engine).
      await Promise.all([0, 1].map(() => pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers, PATIENT)));
      const started = performance.now();
      const slow = pool.quote({ revision: "r1", profile: slowProfile(), options: SLOW }, catalogue.offers);
      const ordinary = pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers, PATIENT);
      await expect(ordinary).resolves.toEqual(quoteOffers(catalogue.offers, profile, OPTIONS));
      const refusal = await slow.then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(EngineRefusal);
      expect((refusal as EngineRefusal).reason).toBe("timeout");
      expect((refusal as EngineRefusal).message).toMatch(/dépassé le temps permis/);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(pool.terminations).toBe(1);
      expect(pool.size).toBe(2);
      // The replacement works (and was sent the catalogue again).
      await expect(pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers, PATIENT)).resolves.toEqual(quoteOffers(catalogue.offers, profile, OPTIONS));
      await expect(pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers, PATIENT)).resolves.toBeDefined();
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("a call carrying the catalogue to its worker has an allowance for it (issue 15); the next calls, and those on a worker replaced after a timeout, keep their deadline", async () => {
    const pool = new EnginePool({ file, size: 1, deadlineMs: 20 });
    try {
      const profile = referenceProfile("jeune-actif");
      // A warm worker (its start is not what is measured here: it varies with the machine's load).
      await pool.quote({ revision: "r0", profile, options: OPTIONS }, catalogue.offers, PATIENT);
      // A new revision, with a call of about a tenth of a second on an idle core: far past
      // the 20 ms, well within the allowance.
      const tenth: QuoteOptions = { breakdown: false, monteCarlo: { deductionSampleCount: 100_000 } };
      // Computed first: computing it while the call runs would hold this thread's timers.
      const expected = quoteOffers(catalogue.offers, slowProfile(), tenth);
      await expect(pool.quote({ revision: "r1", profile: slowProfile(), options: tenth }, catalogue.offers)).resolves.toEqual(expected);
      expect(pool.terminations).toBe(0);
      // The worker holds r1 now: a slow call is held to the 20 ms, well before the allowance would end.
      const slowStarted = performance.now();
      const refusal = await pool.quote({ revision: "r1", profile: slowProfile(), options: SLOW }, catalogue.offers).catch((error: unknown) => error);
      expect((refusal as EngineRefusal).reason).toBe("timeout");
      expect(performance.now() - slowStarted).toBeLessThan(CATALOGUE_ALLOWANCE_MS);
      expect(pool.terminations).toBe(1);
      // The replacement was handed the revision: its calls carry no catalogue and get no allowance either.
      const againStarted = performance.now();
      const again = await pool.quote({ revision: "r1", profile: slowProfile(), options: SLOW }, catalogue.offers).catch((error: unknown) => error);
      expect((again as EngineRefusal).reason).toBe("timeout");
      expect(performance.now() - againStarted).toBeLessThan(CATALOGUE_ALLOWANCE_MS);
      expect(pool.terminations).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("the cost model sends the reference profiles to any worker and the issue's input to the heavy lane", () => {
    for (const id of REFERENCE_PROFILE_IDS) expect(isHeavy(referenceProfile(id), 52, OPTIONS)).toBe(false);
    expect(isHeavy(slowProfile(), 52, SLOW)).toBe(true);
  });

  test("heavy calls share one worker: the others stay free for ordinary comparisons", async () => {
    const pool = new EnginePool({ file, size: 2, deadlineMs: SHORT_DEADLINE_MS });
    try {
      const profile = referenceProfile("jeune-actif");
      await Promise.all([0, 1].map(() => pool.quote({ revision: "r1", profile, options: OPTIONS }, catalogue.offers, PATIENT)));
      let heavySettled = 0;
      const heavy = [0, 1].map(() =>
        pool
          .quote({ revision: "r1", profile: slowProfile(), options: SLOW }, catalogue.offers, { heavy: true })
          .catch((error: unknown) => error)
          .finally(() => (heavySettled = performance.now())),
      );
      // Small ones (five offers), submitted after both heavy calls: without lanes the second
      // heavy call would hold the other worker and these would wait for its deadline.
      const offerIds = catalogue.offers.slice(0, 5).map((offer) => offer.id);
      const ordinary = await Promise.all([0, 1, 2].map(() => pool.quote({ revision: "r1", offerIds, profile, options: OPTIONS }, catalogue.offers, PATIENT)));
      const ordinaryDone = performance.now();
      expect(ordinary.map((result) => result.offers.length)).toEqual([5, 5, 5]);
      const refusals = (await Promise.all(heavy)) as EngineRefusal[];
      expect(refusals.map((refusal) => refusal.reason)).toEqual(["timeout", "timeout"]);
      expect(ordinaryDone).toBeLessThan(heavySettled);
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("a quote past the engine's work budget is refused by the worker as too large, in French", async () => {
    const pool = new EnginePool({ file, size: 1, deadlineMs: 30_000 });
    try {
      const many = generateSyntheticOffers({ count: 3000, seed: 5 });
      const refusal = await pool.quote({ revision: null, profile: tooLargeProfile(), options: { breakdown: true } }, many).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(EngineRefusal);
      expect((refusal as EngineRefusal).reason).toBe("too-large");
      expect((refusal as EngineRefusal).message).toMatch(/trop de calculs/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("a worker compiles its catalogue once per revision (issue 15)", () => {
  const profile = referenceProfile("couple-avec-enfants");
  const next = { revision: "r2", offers: generateSyntheticOffers({ count: 12, seed: 9 }) };

  test("the rankings of one revision share its compiled offers; a new revision replaces them; a page is quoted from them", () => {
    const held = new HeldCatalogue();
    const first = held.answer({ id: 1, revision: "r1", offers: catalogue.offers, profile, options: OPTIONS });
    expect(first).toEqual({ id: 1, ok: true, result: quoteOffers(catalogue.offers, profile, OPTIONS) });
    const compiled = held.compiled();
    expect(compiled?.offers).toHaveLength(catalogue.offers.length);
    held.answer({ id: 2, revision: "r1", profile, options: OPTIONS });
    expect(held.compiled()).toBe(compiled);

    const ids = [catalogue.offers[5]!.id, catalogue.offers[2]!.id];
    const page = held.answer({ id: 3, revision: "r1", offerIds: ids, profile, options: OPTIONS });
    expect(page).toEqual({ id: 3, ok: true, result: quoteOffers([catalogue.offers[2]!, catalogue.offers[5]!], profile, OPTIONS) });
    expect(held.compiled()).toBe(compiled);

    const replaced = held.answer({ id: 4, revision: "r2", offers: next.offers, profile, options: OPTIONS });
    expect(replaced).toEqual({ id: 4, ok: true, result: quoteOffers(next.offers, profile, OPTIONS) });
    expect(held.revision).toBe("r2");
    expect(held.compiled()).not.toBe(compiled);
    expect(held.compiled()!.offers.map((offer) => offer.offer.id)).toEqual(next.offers.map((offer) => offer.id));
    // The old revision is gone: the pool is asked to send its offers again.
    expect(held.answer({ id: 5, revision: "r1", profile, options: OPTIONS })).toEqual({ id: 5, ok: false, missing: true });
  });

  test("offers of no revision are compiled for their call and not kept", () => {
    const held = new HeldCatalogue();
    held.answer({ id: 1, revision: "r1", offers: catalogue.offers, profile, options: OPTIONS });
    const compiled = held.compiled();
    const loose = held.answer({ id: 2, revision: null, offers: next.offers.slice(0, 2), profile, options: OPTIONS });
    expect(loose).toEqual({ id: 2, ok: true, result: quoteOffers(next.offers.slice(0, 2), profile, OPTIONS) });
    expect(held.compiled()).toBe(compiled);
    expect(held.revision).toBe("r1");
  });
});

describe("without a pool, the calling thread compiles each published catalogue once (issue 15)", () => {
  test("two catalogues under one revision string (two test databases) each get their own figures; a page is quoted from the compiled offers", async () => {
    const profile = referenceProfile("couple-avec-enfants");
    const other = { revision: catalogue.revision, offers: generateSyntheticOffers({ count: 10, seed: 11 }) };
    expect(await quoteOffersOffThread(catalogue, profile, OPTIONS)).toEqual(quoteOffers(catalogue.offers, profile, OPTIONS));
    expect(await quoteOffersOffThread(other, profile, OPTIONS)).toEqual(quoteOffers(other.offers, profile, OPTIONS));
    const ids = [catalogue.offers[9]!.id, catalogue.offers[1]!.id];
    expect(await quoteOffersOffThread(catalogue, profile, OPTIONS, ids)).toEqual(quoteOffers([catalogue.offers[1]!, catalogue.offers[9]!], profile, OPTIONS));
  });
});

describe("a ranking's figures come back from the worker as typed arrays (issue 15)", () => {
  test("the pool's figures are the engine's, for every reference profile, then a page quoted from them", async () => {
    const pool = new EnginePool({ file, size: 1, deadlineMs: 30_000 });
    const offers = generateSyntheticOffers({ count: 400, seed: 21 });
    try {
      for (const id of REFERENCE_PROFILE_IDS) {
        const profile = referenceProfile(id);
        const figures = await pool.rank({ revision: "r400", profile, options: OPTIONS }, offers);
        expect(figures.order).toBeInstanceOf(Int32Array);
        expect(figures.rac).toBeInstanceOf(Float64Array);
        expect(figures).toEqual(rankOffers(offers, profile, OPTIONS));
        expect(figures.order).toHaveLength(offers.length - figures.ineligible.length);
        const page = Array.from(figures.order.subarray(0, 3), (position) => offers[position]!.id);
        const quoted = await pool.quote({ revision: "r400", offerIds: page, profile, options: OPTIONS }, offers);
        expect(quoted.offers.map((quote) => quote.offerId).sort()).toEqual([...page].sort());
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("without a pool, the calling thread ranks the compiled catalogue", async () => {
    const profile = referenceProfile("couple-avec-enfants");
    expect(await rankOffersOffThread(catalogue, profile, OPTIONS)).toEqual(rankOffers(catalogue.offers, profile, OPTIONS));
  });
});
