import { MAX_OWN_OFFERS } from "../schemas/own-offer";

/** Refused before writing: the person already keeps MAX_OWN_OFFERS offers. The message is shown as is. */
export class OwnOfferLimitError extends Error {
  constructor() {
    super(`Vous avez déjà ${MAX_OWN_OFFERS} offres enregistrées, le maximum : supprimez-en une pour en ajouter une autre.`);
    this.name = "OwnOfferLimitError";
  }
}

/** Saved by the person in another tab since this form was opened. */
export class OwnOfferStaleError extends Error {
  constructor() {
    super("Cette offre a été modifiée depuis que vous l’avez ouverte (dans un autre onglet ?). Rechargez la page : rien n’a été écrasé.");
    this.name = "OwnOfferStaleError";
  }
}

/** An id that matched no offer of the caller (absent, or someone else's: we do not say which). */
export const OWN_OFFER_NOT_FOUND_MESSAGE = "Cette offre est introuvable : elle a peut-être été supprimée.";
