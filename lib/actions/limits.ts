/**
 * Next's default `serverActions.bodySizeLimit` ("1 MB"), kept: every action is a public
 * endpoint, and the proxy reads and checks each action body before Next does.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** The size of an action call's body as React's client sends it: the JSON of its arguments. */
export function actionBodyBytes(args: unknown[]): number {
  return new TextEncoder().encode(JSON.stringify(args)).byteLength;
}

export const IMPORT_TOO_LARGE_MESSAGE =
  "Fichier trop gros pour l’interface (1 Mo au plus une fois envoyé, environ 300 offres) : importez-le avec npm run catalogue:import, sans limite de taille.";
