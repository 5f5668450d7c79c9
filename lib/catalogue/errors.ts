import type { ResponsableRule } from "../engine/responsable";

/** One reason an offer or a catalogue is refused: a zod path and a French message. */
export interface CatalogueIssue {
  path: (string | number)[];
  message: string;
  /** Set when the issue is an R871-2 CSS rule of the contrat responsable. */
  rule?: ResponsableRule;
}

/** The offer does not satisfy offerSchema or, being "responsable", breaks R871-2 CSS. */
export class OfferValidationError extends Error {
  constructor(readonly issues: CatalogueIssue[]) {
    super(`Offre refusée : ${issues.map((issue) => `${issue.path.join(".") || "(racine)"} : ${issue.message}`).join(" ; ")}`);
    this.name = "OfferValidationError";
  }
}

/** Someone saved the offer since it was read: the caller must reload and retry. */
export class StaleVersionError extends Error {
  constructor(
    readonly offerId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `L'offre « ${offerId} » a été modifiée entre-temps (version ${currentVersion}, attendue ${expectedVersion}) : rechargez-la avant d'enregistrer.`,
    );
    this.name = "StaleVersionError";
  }
}

export class OfferNotFoundError extends Error {
  constructor(readonly offerId: string) {
    super(`Aucune offre « ${offerId} » dans le catalogue.`);
    this.name = "OfferNotFoundError";
  }
}
