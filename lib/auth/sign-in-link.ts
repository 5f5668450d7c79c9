/** The page a sign-in link opens: it signs in only after a click that posts (login CSRF, mail scanners). */
export const SIGN_IN_LINK_PAGE = "/connexion/lien";

/** next-auth's callback query (token, email, callbackUrl) on the page of the button. */
export function signInLinkPageUrl(appUrl: string, callbackQuery: URLSearchParams): string {
  return `${appUrl}${SIGN_IN_LINK_PAGE}?${callbackQuery}`;
}

/** The link to mail: next-auth's callback URL, moved to the page with the button. */
export function signInLinkFromCallbackUrl(appUrl: string, nextAuthCallbackUrl: string): string {
  return signInLinkPageUrl(appUrl, new URL(nextAuthCallbackUrl).searchParams);
}
