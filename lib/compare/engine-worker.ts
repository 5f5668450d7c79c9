// The engine on its own thread (lib/compare/engine-thread.ts starts it): the app's
// event loop keeps serving pages while a ranking is computed on the second core.
// Bundled by scripts/build-engine-worker.ts into .next/engine-worker.mjs.
import { parentPort } from "node:worker_threads";
import { quoteOffers, type QuoteOptions, type QuoteResult } from "../engine";
import type { Offer } from "../schemas/offer";
import type { Profile } from "../schemas/profile";

export interface EngineRequest {
  id: number;
  /** The catalogue revision the offers belong to. */
  revision: string;
  /** Sent only when the worker does not hold this revision yet (see `EngineReply.missing`). */
  offers?: readonly Offer[];
  profile: Profile;
  options: QuoteOptions;
}

export type EngineReply =
  | { id: number; ok: true; result: QuoteResult }
  | { id: number; ok: false; missing: true }
  | { id: number; ok: false; missing?: false; message: string };

let held: { revision: string; offers: readonly Offer[] } | null = null;

parentPort?.on("message", (request: EngineRequest) => {
  let reply: EngineReply;
  try {
    if (request.offers) held = { revision: request.revision, offers: request.offers };
    if (!held || held.revision !== request.revision) reply = { id: request.id, ok: false, missing: true };
    else reply = { id: request.id, ok: true, result: quoteOffers(held.offers, request.profile, request.options) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
