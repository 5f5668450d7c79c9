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
 * The worker is the bundle `.next/engine-worker.mjs` that `npm run build` writes; when
 * it is absent (`next dev`, tests importing this module) or dies, the ranking is
 * computed on the calling thread: same engine, same result, only slower under load.
 */
const WORKER_FILE = path.join(process.cwd(), ".next", "engine-worker.mjs");

interface EngineThread {
  worker: workerThreads.Worker;
  revision: string | null;
  nextId: number;
  pending: Map<number, { resolve: (reply: EngineReply) => void; reject: (error: Error) => void }>;
}

const globalForEngine = globalThis as unknown as { engineThread?: EngineThread | null };

function engineThread(): EngineThread | null {
  if (globalForEngine.engineThread !== undefined) return globalForEngine.engineThread;
  if (!existsSync(WORKER_FILE)) return (globalForEngine.engineThread = null);
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
    // The next ranking starts a fresh worker.
    globalForEngine.engineThread = undefined;
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`engine worker exited (${code})`)));
  return (globalForEngine.engineThread = thread);
}

function send(thread: EngineThread, request: Omit<EngineRequest, "id">): Promise<EngineReply> {
  const id = thread.nextId++;
  return new Promise((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    thread.worker.postMessage({ ...request, id } satisfies EngineRequest);
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
  try {
    const withOffers = thread.revision !== catalogue.revision;
    thread.revision = catalogue.revision;
    let reply = await send(thread, { revision: catalogue.revision, offers: withOffers ? catalogue.offers : undefined, profile, options });
    // Another revision reached the worker in between: send this one's offers.
    if (!reply.ok && reply.missing) {
      thread.revision = catalogue.revision;
      reply = await send(thread, { revision: catalogue.revision, offers: catalogue.offers, profile, options });
    }
    if (reply.ok) return reply.result;
    throw new Error(reply.missing ? "engine worker lost its catalogue" : reply.message);
  } catch (error) {
    console.error("[engine-thread] computing on the request thread instead:", error);
    return quoteOffers(catalogue.offers, profile, options);
  }
}
