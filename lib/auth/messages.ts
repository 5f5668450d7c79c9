import { SERVER_UNREACHABLE_MESSAGE } from "@/lib/actions/reach-server";

/**
 * What the sign-in forms show. next-auth passes errors back as a code in the URL
 * ("CredentialsSignin", "RateLimited:12"); the codes are mapped here, on both sides.
 */
export const INVALID_CREDENTIALS_MESSAGE = "Adresse e-mail ou mot de passe incorrect.";
export const SIGN_IN_REQUIRED_MESSAGE = "Connectez-vous pour continuer.";
export const ADMIN_ONLY_MESSAGE = "Accès réservé aux administrateurs.";

const RATE_LIMITED_PREFIX = "RateLimited:";
const UNREACHABLE_CODE = "Unreachable";

/** What a sign-in call resolves to when the server could not be reached (or answered 503). */
export const UNREACHABLE_SIGN_IN = { ok: false, error: UNREACHABLE_CODE, status: 503, url: null } as const;

export function rateLimitedCode(retryMinutes: number): string {
  return `${RATE_LIMITED_PREFIX}${retryMinutes}`;
}

export function rateLimitedMessage(retryMinutes: number): string {
  return `Trop de tentatives. Réessayez dans ${retryMinutes} ${retryMinutes > 1 ? "minutes" : "minute"}.`;
}

/** The French message for a next-auth error code, or null when there is nothing to say. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const minutes = Number(code.slice(RATE_LIMITED_PREFIX.length));
    return rateLimitedMessage(Number.isInteger(minutes) && minutes > 0 ? minutes : 15);
  }
  switch (code) {
    case "CredentialsSignin":
      return INVALID_CREDENTIALS_MESSAGE;
    case UNREACHABLE_CODE:
      return SERVER_UNREACHABLE_MESSAGE;
    case "Verification":
      return "Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau.";
    case "EmailSignin":
      return "L’e-mail de connexion n’a pas pu être envoyé. Réessayez dans un instant.";
    case "SessionRequired":
      return SIGN_IN_REQUIRED_MESSAGE;
    default:
      return "La connexion a échoué. Réessayez.";
  }
}
