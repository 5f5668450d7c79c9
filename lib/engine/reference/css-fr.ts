/**
 * Complémentaire santé solidaire (CSS, "C2S"): the yearly resource ceilings of a
 * household, mainland France (overseas departments have higher ones, not carried here),
 * and the monthly participation by age. Money in integer cents. The ceilings are revalued
 * every 1 April by arrêté: each period is a new entry, never an edit of a past one.
 */

export const CSS_SOURCES = {
  servicePublic: "https://www.service-public.gouv.fr/particuliers/vosdroits/F10027",
  ameliBeneficiaries: "https://www.ameli.fr/assure/droits-demarches/difficultes-acces-droits-soins/complementaire-sante/complementaire-sante-beneficiaires",
  /** How to ask: the ameli account ("Mes démarches") or the paper form to the CPAM. */
  ameliRequest: "https://www.ameli.fr/assure/actualites/acces-aux-soins-demander-la-complementaire-sante-solidaire-c-est-simple-avec-le-compte-ameli",
  request: "https://complementaire-sante-solidaire.gouv.fr/en/node/155",
  /** Ceilings 2025-04-01 → 2026-03-31 (Éditions Francis Lefebvre, "chiffres et taux"). */
  ceilings2025: "https://efl.fr/chiffres-taux/complementaire-sante-solidaire-conditions-ressources_CT_7129ce118f6c6dd185e1e33e846b593435cbcf61",
  /** Ceilings until 2025-03-31, mainland and overseas (UFC-Que Choisir). */
  ceilings2024: "https://www.quechoisir.org/decryptage-l-acs-n6065/",
  /** Monthly participation by age, general and Alsace-Moselle regimes (CPAM des Bouches-du-Rhône). */
  participation: "http://partenaires-solidaires.cpam13.fr/Partenaires/index.php/questions-frequentes/grille-tarifaire-des-participations-financieres",
  /** The same amounts in the arrêté of 29 December 2023, article 1 (text as republished by Juriblio). */
  participationArrete: "https://juriblio.fr/arretes/arrete-du-29-decembre-2023/182955383/article-1",
} as const;

/** Resource ceilings of one yearly period, for 1 to 4 persons and each person beyond. */
export interface CssCeilings {
  /** First and last day (inclusive) the ceilings are in force. */
  from: string;
  to: string;
  /** CSS without participation (free): households of 1, 2, 3, 4 persons. */
  free: readonly [number, number, number, number];
  freePerExtraPerson: number;
  /** CSS with a participation: up to these resources. */
  withParticipation: readonly [number, number, number, number];
  withParticipationPerExtraPerson: number;
  source: string;
}

export const CSS_REFERENCE = {
  version: "css-fr-2025.1",
  updatedOn: "2026-11-30",
  /**
   * The ceilings in force from 2026-04-01 could not be confirmed from a source reachable
   * here: a comparison starting after the last period is given the last period's figures
   * and told so (cssEligibility's `periodConfirmed`).
   */
  ceilings: [
    {
      from: "2024-04-01",
      to: "2025-03-31",
      free: [1_016_600, 1_524_900, 1_829_800, 2_134_800],
      freePerExtraPerson: 406_600,
      withParticipation: [1_372_400, 2_058_600, 2_470_300, 2_882_000],
      withParticipationPerExtraPerson: 549_000,
      source: CSS_SOURCES.ceilings2024,
    },
    {
      from: "2025-04-01",
      to: "2026-03-31",
      free: [1_033_900, 1_550_800, 1_860_900, 2_171_100],
      freePerExtraPerson: 413_500,
      withParticipation: [1_395_700, 2_093_600, 2_512_300, 2_931_100],
      withParticipationPerExtraPerson: 558_300,
      source: CSS_SOURCES.ceilings2025,
    },
  ] satisfies readonly CssCeilings[],

  /**
   * Monthly participation per person by age on 1 January of the year the CSS is granted
   * (L861-11 CSS; amounts of the arrêté of 29 December 2023, the same as since 2019, not
   * revalued on 1 April). The local Alsace-Moselle regime pays lower amounts, as its Sécu
   * share is higher. In force on every date the ceilings cover.
   */
  participationSince: "2019-11-01",
  participationByAge: [
    { maxAge: 29, general: 800, alsaceMoselle: 280 },
    { maxAge: 49, general: 1400, alsaceMoselle: 490 },
    { maxAge: 59, general: 2100, alsaceMoselle: 730 },
    { maxAge: 69, general: 2500, alsaceMoselle: 870 },
    { maxAge: 200, general: 3000, alsaceMoselle: 1050 },
  ],
} as const;
