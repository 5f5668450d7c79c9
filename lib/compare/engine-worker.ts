// The engine on its own threads (lib/compare/engine-thread.ts runs a pool of them): the
// app's event loop keeps serving pages while rankings are computed on the other cores.
// Bundled by scripts/build-engine-worker.ts into .next/engine-worker.mjs.
import { parentPort } from "node:worker_threads";
import { QuoteTooLargeError, type QuoteFigures, type QuoteOptions, type QuoteResult } from "../engine";
import type { Offer } from "../schemas/offer";
import type { Profile } from "../schemas/profile";
import { HeldCatalogue } from "./engine-catalogue";

export interface EngineRequest {
  id: number;
  /** The catalogue revision the offers belong to; null for offers quoted once (an admin's edited offer). */
  revision: string | null;
  /** Sent only when this worker does not hold this revision yet (see `EngineReply.missing`), or with a null revision. */
  offers?: readonly Offer[];
  /** Quote only these offers of the catalogue (the explanation and side-by-side pages), in catalogue order. */
  offerIds?: readonly string[];
  profile: Profile;
  options: QuoteOptions;
  /** The ranking as figures only (rankOffers), sent back as transferred typed arrays, not copied. */
  figures?: boolean;
}

/**
 * A revision's offers handed to a worker that replaces a terminated one, before any call
 * (no reply): the next call on it carries no catalogue, so it gets no allowance for one
 * (engine-thread.ts), and a request that had its worker terminated cannot make the next
 * one on the heavy lane longer.
 */
export interface CatalogueHandover {
  kind: "catalogue";
  revision: string;
  offers: readonly Offer[];
}

export type EngineReply =
  | { id: number; ok: true; result: QuoteResult }
  | { id: number; ok: true; figures: QuoteFigures }
  | { id: number; ok: false; missing: true }
  | { id: number; ok: false; tooLarge: true; message: string }
  | { id: number; ok: false; message: string };

const held = new HeldCatalogue();

parentPort?.on("message", (request: EngineRequest | CatalogueHandover) => {
  if ("kind" in request) {
    // A catalogue that fails to compile is not held: the next call is answered `missing` and sends it again.
    try {
      held.hold(request.revision, request.offers);
    } catch {
      held.forget();
    }
    return;
  }
  let reply: EngineReply;
  try {
    reply = held.answer(request);
  } catch (error) {
    if (error instanceof QuoteTooLargeError) reply = { id: request.id, ok: false, tooLarge: true, message: error.message };
    else reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  // The figures' arrays change owner (this thread's copies become empty): no copy of 10 000 offers' figures.
  const transfer = "figures" in reply ? [reply.figures.order.buffer, reply.figures.annualPremium.buffer, reply.figures.rac.buffer, reply.figures.dominatedBy.buffer, reply.figures.byPremium.buffer] : [];
  parentPort!.postMessage(reply, transfer);
});
