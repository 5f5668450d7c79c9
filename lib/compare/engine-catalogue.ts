import { compileCatalogue, quoteOffers, rankOffers, selectOffers, type CompiledCatalogue } from "../engine";
import type { Offer } from "../schemas/offer";
import type { EngineReply, EngineRequest } from "./engine-worker";

/**
 * The catalogue revision an engine thread holds, compiled once (lib/engine/compile-offer.ts):
 * every ranking of that revision starts from compiled offers; a new revision replaces it.
 * Each worker has one (engine-worker.ts), and so has the calling thread when there is no
 * pool (engine-thread.ts).
 */
export class HeldCatalogue {
  private held: { revision: string; catalogue: CompiledCatalogue } | null = null;

  get revision(): string | null {
    return this.held?.revision ?? null;
  }

  /** The revision's compiled offers: compiled from `offers` when given (they replace what was held), else those held, or null. */
  hold(revision: string, offers: readonly Offer[] | undefined): CompiledCatalogue | null {
    if (offers) this.held = { revision, catalogue: compileCatalogue(offers) };
    return this.held?.revision === revision ? this.held.catalogue : null;
  }

  forget(): void {
    this.held = null;
  }

  answer(request: EngineRequest): EngineReply {
    let catalogue: CompiledCatalogue;
    if (request.revision === null) catalogue = compileCatalogue(request.offers ?? []);
    else {
      const held = this.hold(request.revision, request.offers);
      if (!held) return { id: request.id, ok: false, missing: true };
      catalogue = held;
    }
    // A page's offers: only they are quoted, from the offers already compiled.
    if (request.offerIds) catalogue = selectOffers(catalogue, request.offerIds);
    if (request.figures) return { id: request.id, ok: true, figures: rankOffers(catalogue, request.profile, request.options) };
    return { id: request.id, ok: true, result: quoteOffers(catalogue, request.profile, request.options) };
  }

  /** The compiled catalogue held (tests: a new revision must replace it). */
  compiled(): CompiledCatalogue | null {
    return this.held?.catalogue ?? null;
  }
}
