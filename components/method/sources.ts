import { SOURCES } from "@/lib/engine";

/** What each public source is, as its link reads; keyed by address since several rules share one page. */
const SOURCE_TITLES: Record<string, string> = {
  "https://www.ameli.fr/medecin/exercice-liberal/facturation-remuneration/consultations-actes/tarifs/tarifs-conventionnels-medecins-generalistes-specialistes":
    "Ameli : tarifs conventionnels des médecins généralistes et spécialistes",
  "https://www.service-public.gouv.fr/particuliers/vosdroits/F1069": "Service-public.fr : remboursement d’une consultation chez le médecin",
  "https://www.service-public.gouv.fr/particuliers/vosdroits/F165": "Service-public.fr : participation forfaitaire et franchises médicales",
  "https://www.service-public.gouv.fr/particuliers/vosdroits/F33306": "Service-public.fr : forfait hospitalier (forfait journalier)",
  "https://www.ameli.fr/assure/remboursements/reste-charge/participation-forfaitaire-24-euros": "Ameli : participation forfaitaire sur les actes coûteux",
  "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038845584": "Légifrance : article R871-2 du code de la sécurité sociale (contrat responsable)",
  "https://www.ameli.fr/assure/remboursements/rembourse/100-sante": "Ameli : le 100 % Santé en optique, dentaire et audition",
  "https://mutualib.fr/guide/lunettes-quels-remboursements.php": "Mutualib : quels remboursements pour les lunettes",
  "https://www.ameli.fr/assure/remboursements/rembourse/soins-protheses-dentaires/orthodontie": "Ameli : remboursement de l’orthodontie",
  "https://www.mes-allocs.fr/guides/ameli/remboursement-ameli/ameli-remboursement-psychologue/mon-soutien-psy/remboursement-mon-soutien-psy":
    "Mes Allocs : le remboursement des séances Mon soutien psy",
  "https://pharmaciens.poleformation-sante.fr/participation-des-assures-aux-frais-de-sante":
    "Pôle Formation Santé : participation des assurés aux frais de santé (franchises sur les actes paramédicaux)",
  "https://www.rofim.fr/articles-blog/cotation-kine-tout-savoir-sur-la-ngap-2026-et-les-revalorisations-dactes":
    "Rofim : cotation des actes de kinésithérapie en 2026",
  "https://espaceinfirmier.fr/actualites/installation-en-liberal-une-fin-de-liberte-negociee-pour-les-infirmieres.html":
    "Espace Infirmier : tarifs des actes infirmiers libéraux",
  "https://www.service-public.gouv.fr/particuliers/vosdroits/F33956": "Service-public.fr : remboursement des soins dentaires",
  "https://www.service-public.gouv.fr/particuliers/vosdroits/F10027": "Service-public.fr : complémentaire santé solidaire",
  "https://www.ameli.fr/assure/droits-demarches/difficultes-acces-droits-soins/complementaire-sante/complementaire-sante-beneficiaires":
    "Ameli : qui peut bénéficier de la Complémentaire santé solidaire",
  "https://www.ameli.fr/assure/actualites/acces-aux-soins-demander-la-complementaire-sante-solidaire-c-est-simple-avec-le-compte-ameli":
    "Ameli : demander la Complémentaire santé solidaire avec le compte ameli (participation de 8 € à 30 € par mois)",
  "https://complementaire-sante-solidaire.gouv.fr/en/node/155": "Site officiel de la Complémentaire santé solidaire : comment faire sa demande",
  "https://efl.fr/chiffres-taux/complementaire-sante-solidaire-conditions-ressources_CT_7129ce118f6c6dd185e1e33e846b593435cbcf61":
    "Éditions Francis Lefebvre : plafonds de ressources de la CSS du 1er avril 2025 au 31 mars 2026",
  "https://www.quechoisir.org/decryptage-l-acs-n6065/": "UFC-Que Choisir : plafonds de ressources de la CSS jusqu’au 31 mars 2025",
  "https://juriblio.fr/arretes/arrete-du-29-decembre-2023/182955383/article-1": "Arrêté du 29 décembre 2023 : participation mensuelle à la CSS selon l’âge",
};

export interface SourceLink {
  href: string;
  title: string;
}

/** A source without a title yet is named by its site and page, never by its raw address. */
function fallbackTitle(href: string): string {
  const url = new URL(href);
  const page = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  return `${url.hostname.replace(/^www\./, "")} : ${decodeURIComponent(page).replace(/[-_]+/g, " ").replace(/\.\w+$/, "")}`;
}

/**
 * The public sources of the reference table, each once, labelled with its title. Entries
 * that are not public pages (the team's own notes) are not sources a reader can check.
 */
export function publicSources(sources: Readonly<Record<string, string>> = SOURCES): SourceLink[] {
  const hrefs = [...new Set(Object.values(sources).filter((source) => /^https:\/\//.test(source)))];
  return hrefs.map((href) => ({ href, title: SOURCE_TITLES[href] ?? fallbackTitle(href) }));
}
