import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import * as workerThreads from "node:worker_threads";
import { quoteOffers, type QuoteOptions, type QuoteResult } from "@/lib/engine";
import type { Offer } from "@/lib/schemas/offer";
import type { Profile } from "@/lib/schemas/profile";
import type { EngineReply, EngineRequest } from "./engine-worker";

/**
 * Rankings computed on a worker thread, so that on a 2-core machine the engine and
 * Next's own request handling run side by side instead of taking turns on one event
 * loop (docs/operations.md, Load). The worker keeps the catalogue of the last revision
 * it was sent; a request for another revision sends the offers once.
 *
 * The worker is the bundle `.next/engine-worker.mjs` that the production build writes
 * next to Next's own; it is used by `next start` only (or with ENGINE_WORKER=1), never
 * by `next dev` or tests that import the app's code, which would get a bundle of an
 * older build. Without it, or after it failed to start three times, rankings are
 * computed on the calling thread: same engine, same result, only slower under load.
 */
const WORKER_FILE = path.join(process.cwd(), ".next", "engine-worker.mjs");
const MAX_FAILURES = 3;

interface EngineThread {
  worker: workerThreads.Worker;
  revision: string | null;
  nextId: number;
  pending: Map<number, { resolve: (reply: EngineReply) => void; reject: (error: Error) => void }>;
}

const globalForEngine = globalThis as unknown as { engineThread?: EngineThread | null; engineThreadFailures?: number };

function workerWanted(): boolean {
  const enabled = process.env.NODE_ENV === "production" || process.env.ENGINE_WORKER === "1";
  return enabled && (globalForEngine.engineThreadFailures ?? 0) < MAX_FAILURES && existsSync(WORKER_FILE);
}

/** The running engine thread, started on first use; null when rankings run on the calling thread. */
export function engineThread(): EngineThread | null {
  if (globalForEngine.engineThread !== undefined) return globalForEngine.engineThread;
  if (!workerWanted()) return (globalForEngine.engineThread = null);
  // Built apart, not by Next: a constructor taken from the module object keeps Turbopack
  // from treating the file as a worker entry of its own to bundle.
  const WorkerThread = Reflect.get(workerThreads, "Worker") as typeof workerThreads.Worker;
  const worker = new WorkerThread(WORKER_FILE);
  // The thread must not keep a stopping server alive.
  worker.unref();
  const thread: EngineThread = { worker, revision: null, nextId: 1, pending: new Map() };
  worker.on("message", (reply: EngineReply) => {
    thread.pending.get(reply.id)?.resolve(reply);
    thread.pending.delete(reply.id);
  });
  const fail = (error: Error) => {
    for (const { reject } of thread.pending.values()) reject(error);
    thread.pending.clear();
    // Only this thread's own failure resets the slot: a replacement may be running already.
    if (globalForEngine.engineThread === thread) {
      globalForEngine.engineThreadFailures = (globalForEngine.engineThreadFailures ?? 0) + 1;
      globalForEngine.engineThread = undefined;
      void worker.terminate();
    }
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`engine worker exited (${code})`)));
  return (globalForEngine.engineThread = thread);
}

function send(thread: EngineThread, request: Omit<EngineRequest, "id">): Promise<EngineReply> {
  const id = thread.nextId++;
  return new Promise((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    try {
      thread.worker.postMessage({ ...request, id } satisfies EngineRequest);
    } catch (error) {
      // Not sent (data that cannot be cloned): the worker's catalogue is unknown now.
      thread.pending.delete(id);
      thread.revision = null;
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** quoteOffers(offers, profile, options), on the engine thread when there is one. */
export async function quoteOffersOffThread(
  catalogue: { revision: string; offers: readonly Offer[] },
  profile: Profile,
  options: QuoteOptions,
): Promise<QuoteResult> {
  const thread = engineThread();
  if (!thread) return quoteOffers(catalogue.offers, profile, options);
  let reply: EngineReply;
  try {
    // Messages are handled in order: once a revision's offers are posted, later calls for it need not carry them.
    const withOffers = thread.revision !== catalogue.revision;
    thread.revision = catalogue.revision;
    reply = await send(thread, { revision: catalogue.revision, offers: withOffers ? catalogue.offers : undefined, profile, options });
  } catch (error) {
    console.error("[engine-thread] the worker failed; this ranking is computed on the request thread:", error);
    return quoteOffers(catalogue.offers, profile, options);
  }
  if (reply.ok) return reply.result;
  // The engine itself refused (a bug or an input it cannot handle): the same error as on this thread.
  throw new Error(reply.missing ? "engine worker lost its catalogue" : reply.message);
}
