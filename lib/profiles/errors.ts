/** Per-user cap on saved profiles: bounds what one account can store (and re-run). */
export const MAX_SAVED_PROFILES = 50;

/** Refused before writing: the user already keeps MAX_SAVED_PROFILES profiles. The message is shown as is. */
export class ProfileLimitError extends Error {
  constructor() {
    super(`Vous avez déjà ${MAX_SAVED_PROFILES} profils enregistrés, le maximum : supprimez-en un pour en enregistrer un nouveau.`);
    this.name = "ProfileLimitError";
  }
}

/** The French message for an id that matched no profile of the caller (absent, or someone else's: we do not say which). */
export const PROFILE_NOT_FOUND_MESSAGE = "Ce profil est introuvable : il a peut-être été supprimé.";
