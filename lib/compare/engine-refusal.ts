/**
 * A comparison the engine would not or could not finish, with the French message the
 * person sees. Pages and actions show the message; nothing else is wrong with the app.
 */
export type EngineRefusalReason = "too-large" | "timeout" | "busy" | "rate-limited";

export const ENGINE_REFUSAL_MESSAGES: Record<Exclude<EngineRefusalReason, "too-large">, string> = {
  timeout:
    "Ce calcul a dépassé le temps permis et a été interrompu. Réduisez le nombre d’actes ou de lignes de soins, ou réessayez dans un instant.",
  busy: "Le comparateur est très sollicité en ce moment : réessayez dans quelques secondes.",
  "rate-limited": "Trop de comparaisons en peu de temps : patientez une minute avant de recommencer.",
};

export class EngineRefusal extends Error {
  constructor(
    readonly reason: EngineRefusalReason,
    message: string = reason === "too-large" ? "" : ENGINE_REFUSAL_MESSAGES[reason],
  ) {
    super(message);
  }
}
