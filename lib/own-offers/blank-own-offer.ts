import type { GuaranteeCategory } from "../schemas/care-category";
import type { OfferInput } from "../schemas/offer";

/** Stands for the id of an offer not saved yet: the server gives the real one (lib/own-offers/save-own-offer.ts). */
const NEW_OWN_OFFER_ID = "nouvelle-offre";

/**
 * What a new own offer starts from, line by line: « 100 % BR » where the Sécu pays (the
 * ticket modérateur, what every contrat responsable pays), the forfait journalier and the
 * flat charge on heavy acts at their actual cost (also owed by a contrat responsable), and
 * nothing where the Sécu pays nothing (private room, alternative medicine, implants). The
 * person then changes only the lines their papers print better.
 */
export function blankOwnOffer(): OfferInput {
  // A new object for each line: the form sends the offer to a server action, whose encoding
  // turns an object seen twice into a reference that the proxy refuses (lib/security/action-reply.ts).
  const ticketModerateur = () => ({ percentBr: 100 });
  const guarantees: Record<GuaranteeCategory, OfferInput["guarantees"][GuaranteeCategory]> = {
    "doctor-gp": ticketModerateur(),
    "doctor-specialist": ticketModerateur(),
    "lab-imaging": ticketModerateur(),
    pharmacy: ticketModerateur(),
    "hospital-daily-charge": { fraisReels: true },
    "private-room": {},
    "surgeon-fees": ticketModerateur(),
    "heavy-act-charge": { fraisReels: true },
    glasses: ticketModerateur(),
    "contact-lenses": ticketModerateur(),
    "dental-care": ticketModerateur(),
    "dental-prosthesis": ticketModerateur(),
    orthodontics: ticketModerateur(),
    "hearing-aids": ticketModerateur(),
    "alternative-medicine": {},
    psychologist: ticketModerateur(),
    paramedical: ticketModerateur(),
    "dental-implants": {},
  };
  return {
    id: NEW_OWN_OFFER_ID,
    insurer: { name: "" },
    formula: "",
    // The catalogue's 1-to-5 scale is the operator's: a person's offer is ranked by its figures, not a level.
    level: 1,
    responsable: true,
    network: null,
    premiums: { bands: [{ minAge: 0, maxAge: 120, monthly: "0.00" }] },
    guarantees,
    ceilings: [],
  };
}
