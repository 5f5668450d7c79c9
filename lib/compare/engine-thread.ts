import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import * as workerThreads from "node:worker_threads";
import { QuoteTooLargeError, compileCatalogue, estimateQuoteWork, quoteOffers, rankOffers, selectOffers, type CompiledCatalogue, type QuoteFigures, type QuoteOptions, type QuoteResult, type RankOptions } from "@/lib/engine";
import { compileProfile } from "@/lib/engine/compile-profile";
import { DEFAULT_STOCHASTIC_OPTIONS } from "@/lib/engine/stochastic";
import { ceilingWorkPerOffer } from "@/lib/engine/work-budget";
import type { Offer } from "@/lib/schemas/offer";
import type { Profile } from "@/lib/schemas/profile";
import { EngineRefusal } from "./engine-refusal";
import type { CatalogueHandover, EngineReply, EngineRequest } from "./engine-worker";

/**
 * Every engine call of the app (ranking, explanation, side-by-side, saved-profile re-run,
 * admin preview) runs here: on a small pool of worker threads, one call per worker at a
 * time, each call with a deadline. Past it, the worker is terminated (its memory goes
 * with it) and replaced, and the caller gets an EngineRefusal("timeout"): one costly
 * request can hold one worker for at most the deadline, never the server's event loop.
 *
 * The workers run the bundle `.next/engine-worker.mjs` that the production build writes
 * next to Next's own; `next start` uses it (or any process with ENGINE_WORKER=1), never
 * `next dev` or tests importing the app's code, which would get a bundle of an older
 * build. Without it, or after workers failed to start three times, the engine runs on the
 * calling thread: then its own work budget (lib/engine/work-budget.ts) and the profile
 * schema's limits are what bound a call (~1.5 s at worst on the CI machine).
 */
const WORKER_FILE = path.join(process.cwd(), ".next", "engine-worker.mjs");
const MAX_START_FAILURES = 3;

/**
 * Per call, on its worker. The largest profiles the schema accepts take about half a
 * second of engine on the demo catalogue on an idle CI core (docs/operations.md, "Engine
 * cost"); 1 s leaves them room and leaves the request's other steps (rate limit,
 * catalogue, rendering) the rest of the 2 s the issue allows.
 */
export const ENGINE_DEADLINE_MS = 1000;

/**
 * Added to the deadline per offer quoted: the catalogue's size is the operator's choice,
 * not the visitor's, and a 10 000-offer ranking needs ~0.3 s of engine CPU and up to
 * ~1.2 s on a loaded machine (docs/operations.md, "Engine on large catalogues"; 3 s in
 * all then); the demo's 52 offers add 10 ms.
 */
const DEADLINE_MS_PER_OFFER = 0.2;

function deadlineFor(offerCount: number): number {
  return ENGINE_DEADLINE_MS + offerCount * DEADLINE_MS_PER_OFFER;
}

/**
 * Added to the deadline of a call that carries the catalogue to its worker (the worker's
 * first call, or its first after a new revision): copying the offers across, compiling
 * them and, on a worker just started, loading the engine and running it cold. That work
 * is the operator's, not the visitor's: on a machine at load 10 the first comparison
 * after the server started went past the 1 s deadline with the demo's 52 offers. Per
 * offer, mostly the copy: structuredClone of 10 000 synthetic offers took 3.9–4.8 s at
 * load 16 on the CI machine, and a fresh worker's first ranking of them 6–10 s at load
 * 10–14 (docs/operations.md). Calls on a worker that already holds the revision keep
 * their deadline.
 */
export const CATALOGUE_ALLOWANCE_MS = 1000;
const CATALOGUE_ALLOWANCE_MS_PER_OFFER = 0.6;

function catalogueAllowance(offerCount: number): number {
  return CATALOGUE_ALLOWANCE_MS + offerCount * CATALOGUE_ALLOWANCE_MS_PER_OFFER;
}

/**
 * Waiting for a worker: a burst of ordinary comparisons queues for a moment and is
 * answered; past this, the call is refused as "busy" rather than left waiting.
 */
const MAX_QUEUE_WAIT_MS = 5000;

/**
 * Work units (lib/engine/work-budget.ts) past which a call is heavy: twice the heaviest
 * profile of the load test ranked on the demo catalogue (3.8 M for 52 offers; the budget
 * is 18 M), in proportion beyond that size, so that a large catalogue does not make every
 * ordinary ranking heavy.
 */
const HEAVY_WORK = 8_000_000;
const HEAVY_WORK_CATALOGUE_SIZE = 52;

/** Whether the engine's cost model puts this call on the heavy lane (a profile it cannot compile is not: it fails fast). */
export function isHeavy(profile: Profile, offerCount: number, options: QuoteOptions): boolean {
  try {
    const work = estimateQuoteWork(compileProfile(profile, options.year), {
      offerCount,
      mode: options.mode ?? "full",
      breakdown: options.breakdown ?? true,
      stochastic: { ...DEFAULT_STOCHASTIC_OPTIONS, ceilingWork: ceilingWorkPerOffer(offerCount), ...options.monteCarlo },
    });
    return work > HEAVY_WORK * Math.max(1, offerCount / HEAVY_WORK_CATALOGUE_SIZE);
  } catch {
    return false;
  }
}

/** Calls waiting for a worker beyond which new ones are refused at once ("busy"). */
const MAX_QUEUE = 64;

/**
 * A worker's heap caps: a call that would need more ends its worker (refused as too
 * large) instead of growing the server's memory. The largest accepted profiles need well
 * under 100 MB of heap (their sampled counts are typed arrays, outside it), a 10 000-offer
 * catalogue ~70 MB; a small young generation keeps each worker's footprint down. The
 * server passes --max-semi-space-size=16 (scripts/lib/next-build.ts), which V8 applies to
 * every isolate over these limits: there each worker's new space is 32 MB (measured), the
 * young generation below only counts where the flag is not passed (tests, `next dev`).
 */
const WORKER_HEAP_MB = 128;
const WORKER_YOUNG_MB = 32;

export interface EnginePoolOptions {
  file: string;
  size: number;
  deadlineMs: number;
}

interface Job {
  request: Omit<EngineRequest, "id" | "offers">;
  /** Estimated to take a large share of the deadline: runs on the heavy lane only. */
  heavy: boolean;
  deadlineMs: number;
  /** The catalogue's offers, sent to a worker that does not hold this revision. */
  offers: readonly Offer[];
  resolve: (result: QuoteResult | QuoteFigures) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
  /** Once the worker answered that it lost the catalogue: resent with the offers, once. */
  resent: boolean;
}

interface CallLimits {
  heavy?: boolean;
  deadlineMs?: number;
}

interface Slot {
  worker: workerThreads.Worker;
  revision: string | null;
  job: Job | null;
  nextId: number;
}

export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private startFailures = 0;
  /** Workers terminated for their deadline since the pool started (for tests and logs). */
  terminations = 0;

  constructor(private readonly options: EnginePoolOptions) {
    for (let i = 0; i < options.size; i += 1) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** False once workers failed to start MAX_START_FAILURES times: callers compute on their own thread. */
  get usable(): boolean {
    return this.startFailures < MAX_START_FAILURES;
  }

  /**
   * `heavy`: the engine's cost model puts the call far above an ordinary comparison. With
   * more than one worker, heavy calls run one at a time on the first worker only, so the
   * others stay free for ordinary comparisons whatever a client sends. `deadlineMs`
   * replaces the pool's for this call.
   */
  quote(request: Omit<EngineRequest, "id" | "offers" | "figures">, offers: readonly Offer[], limits: CallLimits = {}): Promise<QuoteResult> {
    return this.submit({ ...request, figures: false }, offers, limits) as Promise<QuoteResult>;
  }

  /** As quote, for rankOffers' figures (transferred back from the worker, not copied). */
  rank(request: Omit<EngineRequest, "id" | "offers" | "figures">, offers: readonly Offer[], limits: CallLimits = {}): Promise<QuoteFigures> {
    return this.submit({ ...request, figures: true }, offers, limits) as Promise<QuoteFigures>;
  }

  private submit(
    request: Omit<EngineRequest, "id" | "offers">,
    offers: readonly Offer[],
    { heavy = false, deadlineMs = this.options.deadlineMs }: CallLimits,
  ): Promise<QuoteResult | QuoteFigures> {
    if (this.queue.length >= MAX_QUEUE) return Promise.reject(new EngineRefusal("busy"));
    return new Promise((resolve, reject) => {
      const job: Job = { request, offers, heavy, deadlineMs, resolve, reject, slot: null, resent: false, timer: setTimeout(() => this.expire(job), MAX_QUEUE_WAIT_MS) };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Stops every worker (tests; a stopping server does not wait for them: they are unref'd). */
  async close(): Promise<void> {
    const workers = this.slots.map((slot) => slot.worker);
    this.slots.length = 0;
    for (const job of this.queue.splice(0)) this.settle(job, new EngineRefusal("busy"));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Slot {
    // Built apart, not by Next: a constructor taken from the module object keeps Turbopack
    // from treating the file as a worker entry of its own to bundle.
    const WorkerThread = Reflect.get(workerThreads, "Worker") as typeof workerThreads.Worker;
    // The bundle is plain JavaScript: none of the parent's loaders or flags (a test runner's, tsx's) are inherited.
    const worker = new WorkerThread(this.options.file, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    // The threads must not keep a stopping server alive.
    worker.unref();
    const slot: Slot = { worker, revision: null, job: null, nextId: 1 };
    let answered = false;
    worker.on("message", (reply: EngineReply) => {
      answered = true;
      this.receive(slot, reply);
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      // A worker already replaced (terminated for its deadline) is not failing.
      if (index < 0) return;
      if (!answered) this.startFailures += 1;
      const job = slot.job;
      slot.job = null;
      const outOfMemory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
      if (job) this.settle(job, outOfMemory ? new EngineRefusal("too-large", new QuoteTooLargeError(Infinity).message) : error);
      void worker.terminate();
      if (this.usable) this.slots[index] = this.replacement(job);
      else this.slots.splice(index, 1);
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`engine worker exited (${code})`)));
    return slot;
  }

  /** A new worker in place of one that failed or was terminated, handed the revision that worker's call was on. */
  private replacement(lastJob: Job | null): Slot {
    const slot = this.spawn();
    const revision = lastJob?.request.revision ?? null;
    if (lastJob && revision !== null) {
      const handover: CatalogueHandover = { kind: "catalogue", revision, offers: lastJob.offers };
      try {
        slot.worker.postMessage(handover);
        slot.revision = revision;
      } catch {
        // Not sent: the next call carries the catalogue (with its allowance).
      }
    }
    return slot;
  }

  private dispatch(): void {
    const lanes = this.slots.length > 1;
    for (const [index, slot] of this.slots.entries()) {
      if (slot.job) continue;
      // The first worker is the heavy lane: the oldest heavy call first, else the oldest call.
      const position = !lanes ? 0 : index > 0 ? this.queue.findIndex((job) => !job.heavy) : Math.max(0, this.queue.findIndex((job) => job.heavy));
      if (position < 0 || position >= this.queue.length) continue;
      const [job] = this.queue.splice(position, 1);
      job!.slot = slot;
      slot.job = job!;
      this.post(slot, job!, slot.revision !== job!.request.revision || job!.request.revision === null);
    }
  }

  /** The deadline runs from the post: the time the call has on its worker, more when it carries the catalogue. */
  private post(slot: Slot, job: Job, withOffers: boolean): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => this.expire(job), job.deadlineMs + (withOffers ? catalogueAllowance(job.offers.length) : 0));
    const message: EngineRequest = { ...job.request, id: slot.nextId++, offers: withOffers ? job.offers : undefined };
    try {
      slot.worker.postMessage(message);
      slot.revision = job.request.revision;
    } catch (error) {
      // Not sent (data that cannot be cloned): the worker's catalogue is unknown now.
      slot.revision = null;
      slot.job = null;
      this.settle(job, error instanceof Error ? error : new Error(String(error)));
      this.dispatch();
    }
  }

  private receive(slot: Slot, reply: EngineReply): void {
    const job = slot.job;
    if (!job) return;
    if (!reply.ok && "missing" in reply && !job.resent) {
      job.resent = true;
      this.post(slot, job, true);
      return;
    }
    slot.job = null;
    if (reply.ok) this.settle(job, null, "figures" in reply ? reply.figures : reply.result);
    else if ("tooLarge" in reply) this.settle(job, new EngineRefusal("too-large", reply.message));
    else this.settle(job, new Error("missing" in reply ? "engine worker lost its catalogue" : reply.message));
    this.dispatch();
  }

  /** A call waiting too long leaves the queue ("busy"); a running one past its deadline takes its worker down with it. */
  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, new EngineRefusal("busy"));
      return;
    }
    const slot = job.slot;
    if (slot && slot.job === job) {
      const index = this.slots.indexOf(slot);
      slot.job = null;
      this.terminations += 1;
      if (index >= 0) this.slots[index] = this.replacement(job);
      void slot.worker.terminate();
    }
    this.settle(job, new EngineRefusal("timeout"));
    this.dispatch();
  }

  private settle(job: Job, error: Error | null, result?: QuoteResult | QuoteFigures): void {
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(result!);
  }
}

const globalForEngine = globalThis as unknown as { enginePool?: EnginePool | null };

function workerWanted(): boolean {
  const enabled = process.env.NODE_ENV === "production" || process.env.ENGINE_WORKER === "1";
  return enabled && existsSync(WORKER_FILE);
}

/** The app's pool, one worker per core, started on first use; null when the engine runs on the calling thread. */
export function enginePool(): EnginePool | null {
  const existing = globalForEngine.enginePool;
  if (existing !== undefined) return existing && existing.usable ? existing : null;
  if (!workerWanted()) return (globalForEngine.enginePool = null);
  const size = Math.max(1, availableParallelism());
  return (globalForEngine.enginePool = new EnginePool({ file: WORKER_FILE, size, deadlineMs: ENGINE_DEADLINE_MS }));
}

/**
 * Without a pool: each published catalogue compiled once on this thread, as a worker
 * does. Keyed by the offers' array (the catalogue cache keeps one per revision), not by
 * the revision string, which two test databases in one process may share.
 */
const compiledOnThisThread = new WeakMap<readonly Offer[], CompiledCatalogue>();

function compiledHere(offers: readonly Offer[]): CompiledCatalogue {
  let compiled = compiledOnThisThread.get(offers);
  if (compiled === undefined) {
    compiled = compileCatalogue(offers);
    compiledOnThisThread.set(offers, compiled);
  }
  return compiled;
}

function onThisThread<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof QuoteTooLargeError) throw new EngineRefusal("too-large", error.message);
    throw error;
  }
}

/**
 * quoteOffers on the catalogue (or on the offers of it listed in `offerIds`, in catalogue
 * order), on the pool when there is one. Refusals (too large, past the deadline, pool
 * saturated) are EngineRefusals carrying their French message.
 */
export async function quoteOffersOffThread(
  catalogue: { revision: string; offers: readonly Offer[] },
  profile: Profile,
  options: QuoteOptions,
  offerIds?: readonly string[],
): Promise<QuoteResult> {
  const pool = enginePool();
  if (!pool) {
    const compiled = compiledHere(catalogue.offers);
    return onThisThread(() => quoteOffers(offerIds ? selectOffers(compiled, offerIds) : compiled, profile, options));
  }
  const count = offerIds ? offerIds.length : catalogue.offers.length;
  return pool.quote({ revision: catalogue.revision, offerIds, profile, options }, catalogue.offers, { heavy: isHeavy(profile, count, options), deadlineMs: deadlineFor(count) });
}

/**
 * rankOffers on the catalogue, on the pool when there is one: the ranking's figures for a
 * page that quotes (quoteOffersOffThread with offerIds) only the offers it shows. Same
 * refusals as quoteOffersOffThread.
 */
export async function rankOffersOffThread(catalogue: { revision: string; offers: readonly Offer[] }, profile: Profile, options: RankOptions): Promise<QuoteFigures> {
  const pool = enginePool();
  if (!pool) {
    const compiled = compiledHere(catalogue.offers);
    return onThisThread(() => rankOffers(compiled, profile, options));
  }
  const count = catalogue.offers.length;
  return pool.rank({ revision: catalogue.revision, profile, options }, catalogue.offers, { heavy: isHeavy(profile, count, { ...options, breakdown: false }), deadlineMs: deadlineFor(count) });
}

/** quoteOffers on offers that belong to no catalogue revision (an admin's edited offer), on the pool when there is one. */
export async function quoteLooseOffersOffThread(offers: readonly Offer[], profile: Profile, options: QuoteOptions): Promise<QuoteResult> {
  const pool = enginePool();
  if (!pool) return onThisThread(() => quoteOffers(offers, profile, options));
  return pool.quote({ revision: null, profile, options }, offers, { heavy: isHeavy(profile, offers.length, options), deadlineMs: deadlineFor(offers.length) });
}
