// The engine on its own threads (lib/compare/engine-thread.ts runs a pool of them): the
// app's event loop keeps serving pages while rankings are computed on the other cores.
// Bundled by scripts/build-engine-worker.ts into .next/engine-worker.mjs.
import { parentPort } from "node:worker_threads";
import { QuoteTooLargeError, type QuoteOptions, type QuoteResult } from "../engine";
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
}

export type EngineReply =
  | { id: number; ok: true; result: QuoteResult }
  | { id: number; ok: false; missing: true }
  | { id: number; ok: false; tooLarge: true; message: string }
  | { id: number; ok: false; message: string };

const held = new HeldCatalogue();

parentPort?.on("message", (request: EngineRequest) => {
  let reply: EngineReply;
  try {
    reply = held.answer(request);
  } catch (error) {
    if (error instanceof QuoteTooLargeError) reply = { id: request.id, ok: false, tooLarge: true, message: error.message };
    else reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
