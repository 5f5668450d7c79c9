import { z } from "zod";

/**
 * Care categories: what a profile line describes (one kind of act, priced one way).
 * Several care categories share one guarantee line of an offer (a "tableau de
 * garanties" has one line for all specialists, one for all glasses…): see
 * GUARANTEE_OF_CARE_CATEGORY.
 */
export const CARE_CATEGORIES = [
  "gp",
  "specialist",
  "specialist-referred",
  "specialist-apc",
  "psychiatrist",
  "pediatrician",
  "gynecologist",
  "ophthalmologist",
  "lab-test",
  "imaging",
  "pharmacy-65",
  "pharmacy-30",
  "pharmacy-15",
  "hospital-day",
  "hospital-day-psychiatry",
  "private-room",
  "surgeon-fees",
  "heavy-act-charge",
  "glasses-100-sante",
  "glasses-class-b",
  "contact-lenses",
  "dental-care",
  "crown-100-sante",
  "crown-free-price",
  "orthodontics",
  "hearing-aid-class-1",
  "hearing-aid-class-2",
  "alternative-medicine",
  "psychologist-msp",
  "psychologist-private",
  "physiotherapy",
  "nursing",
  "speech-therapy",
  "orthoptics",
  "dental-consultation",
  "dental-implant",
  "contact-lenses-reimbursed",
] as const;
export const careCategorySchema = z.enum(CARE_CATEGORIES);
export type CareCategory = z.infer<typeof careCategorySchema>;

export const CARE_CATEGORY_LABELS: Record<CareCategory, string> = {
  gp: "Consultation de médecin généraliste",
  specialist: "Consultation de spécialiste",
  "specialist-referred": "Consultation de spécialiste adressé par le médecin traitant",
  "specialist-apc": "Avis ponctuel de consultant (APC)",
  psychiatrist: "Consultation de psychiatre ou neurologue",
  pediatrician: "Consultation de pédiatre",
  gynecologist: "Consultation de gynécologue (accès direct)",
  ophthalmologist: "Consultation d'ophtalmologiste (accès direct)",
  "lab-test": "Analyses de biologie médicale",
  imaging: "Radiologie et imagerie",
  "pharmacy-65": "Médicaments remboursés à 65 %",
  "pharmacy-30": "Médicaments remboursés à 30 %",
  "pharmacy-15": "Médicaments remboursés à 15 %",
  "hospital-day": "Journée d'hospitalisation (forfait journalier)",
  "hospital-day-psychiatry": "Journée d'hospitalisation en psychiatrie (forfait journalier)",
  "private-room": "Chambre particulière (par nuit)",
  "surgeon-fees": "Honoraires de chirurgien",
  "heavy-act-charge": "Participation forfaitaire sur acte lourd",
  "glasses-100-sante": "Lunettes 100 % Santé (classe A)",
  "glasses-class-b": "Lunettes à prix libres (classe B)",
  "contact-lenses": "Lentilles de contact (forfait annuel)",
  "dental-care": "Soins dentaires",
  "crown-100-sante": "Couronne 100 % Santé",
  "crown-free-price": "Couronne à tarif libre",
  orthodontics: "Orthodontie (par semestre)",
  "hearing-aid-class-1": "Aide auditive 100 % Santé (classe I, par oreille)",
  "hearing-aid-class-2": "Aide auditive à prix libre (classe II, par oreille)",
  "alternative-medicine": "Médecine douce (séance)",
  "psychologist-msp": "Psychologue, dispositif Mon soutien psy (séance)",
  "psychologist-private": "Psychologue hors dispositif (séance)",
  physiotherapy: "Séance de kinésithérapie",
  nursing: "Soins infirmiers (acte)",
  "speech-therapy": "Séance d'orthophonie",
  orthoptics: "Séance d'orthoptie",
  "dental-consultation": "Consultation chez le dentiste",
  "dental-implant": "Implant dentaire",
  "contact-lenses-reimbursed": "Lentilles remboursées par la Sécu (forfait annuel par œil)",
};

/** One line of plain French under each care in the form: what it is, and what the Sécu does. */
export const CARE_CATEGORY_HINTS: Record<CareCategory, string> = {
  gp: "Médecin généraliste, au cabinet ou en téléconsultation.",
  specialist: "Spécialiste consulté sans passer par le médecin traitant.",
  "specialist-referred": "Spécialiste consulté sur conseil du médecin traitant (cas habituel).",
  "specialist-apc": "Avis ponctuel d'un spécialiste demandé par le médecin traitant.",
  psychiatrist: "Psychiatre ou neurologue (médecins).",
  pediatrician: "Pédiatre ; son tarif dépend de l'âge de l'enfant.",
  gynecologist: "Gynécologue, consultable sans passer par le médecin traitant.",
  ophthalmologist: "Ophtalmologiste, consultable sans passer par le médecin traitant.",
  "lab-test": "Prise de sang ou autre analyse en laboratoire.",
  imaging: "Radio, échographie, scanner, IRM.",
  "pharmacy-65": "Boîte de médicament à vignette blanche (la plupart).",
  "pharmacy-30": "Boîte de médicament à vignette bleue.",
  "pharmacy-15": "Boîte de médicament à vignette orange.",
  "hospital-day": "Chaque jour d'hospitalisation : forfait journalier fixé par la loi.",
  "hospital-day-psychiatry": "Chaque jour en service psychiatrique : forfait fixé par la loi.",
  "private-room": "Nuit en chambre individuelle à l'hôpital, non remboursée par la Sécu.",
  "surgeon-fees": "Honoraires d'une opération (chirurgien, anesthésiste).",
  "heavy-act-charge": "Somme fixe due pour un acte coûteux (plus de 120 €).",
  "glasses-100-sante": "Lunettes sans reste à charge, parmi le choix 100 % Santé de l'opticien.",
  "glasses-class-b": "Lunettes au choix : indiquez le prix total, la monture et les verres.",
  "contact-lenses": "Lentilles pour la vue courante : la Sécu ne rembourse rien.",
  "dental-care": "Détartrage, carie, dévitalisation…",
  "crown-100-sante": "Couronne du panier 100 % Santé, sans reste à charge.",
  "crown-free-price": "Couronne au prix fixé par le dentiste.",
  orthodontics: "Appareil dentaire, par semestre ; la Sécu ne rembourse qu'avant 16 ans.",
  "hearing-aid-class-1": "Appareil auditif 100 % Santé, par oreille, sans reste à charge.",
  "hearing-aid-class-2": "Appareil auditif au choix, par oreille.",
  "alternative-medicine": "Ostéopathe, chiropracteur… : seule la mutuelle peut rembourser.",
  "psychologist-msp": "Psychologue partenaire : 50 € la séance, 12 séances par an remboursées par la Sécu.",
  "psychologist-private": "Psychologue hors Mon soutien psy : seule la mutuelle peut rembourser.",
  physiotherapy: "Masseur-kinésithérapeute sur ordonnance.",
  nursing: "Injection, pansement, prise de sang par un infirmier.",
  "speech-therapy": "Orthophoniste sur ordonnance.",
  orthoptics: "Rééducation des yeux par un orthoptiste.",
  "dental-consultation": "Rendez-vous de contrôle chez le dentiste, sans soin.",
  "dental-implant": "Implant posé par le dentiste : la Sécu ne rembourse rien.",
  "contact-lenses-reimbursed": "Lentilles prescrites pour une forte myopie, un kératocône… : la Sécu rembourse un forfait par œil et par an.",
};

/** The guarantee lines of an offer. */
export const GUARANTEE_CATEGORIES = [
  "doctor-gp",
  "doctor-specialist",
  "lab-imaging",
  "pharmacy",
  "hospital-daily-charge",
  "private-room",
  "surgeon-fees",
  "heavy-act-charge",
  "glasses",
  "contact-lenses",
  "dental-care",
  "dental-prosthesis",
  "orthodontics",
  "hearing-aids",
  "alternative-medicine",
  "psychologist",
  "paramedical",
  "dental-implants",
] as const;
export const guaranteeCategorySchema = z.enum(GUARANTEE_CATEGORIES);
export type GuaranteeCategory = z.infer<typeof guaranteeCategorySchema>;

export const GUARANTEE_CATEGORY_LABELS: Record<GuaranteeCategory, string> = {
  "doctor-gp": "Médecin généraliste",
  "doctor-specialist": "Médecins spécialistes",
  "lab-imaging": "Analyses et imagerie",
  pharmacy: "Pharmacie",
  "hospital-daily-charge": "Forfait journalier hospitalier",
  "private-room": "Chambre particulière",
  "surgeon-fees": "Honoraires chirurgicaux",
  "heavy-act-charge": "Participation forfaitaire actes lourds",
  glasses: "Lunettes",
  "contact-lenses": "Lentilles de contact",
  "dental-care": "Soins dentaires",
  "dental-prosthesis": "Prothèses dentaires",
  orthodontics: "Orthodontie",
  "hearing-aids": "Aides auditives",
  "alternative-medicine": "Médecines douces",
  psychologist: "Psychologue",
  paramedical: "Auxiliaires médicaux (kiné, infirmier, orthophoniste, orthoptiste)",
  "dental-implants": "Implants dentaires",
};

export const GUARANTEE_OF_CARE_CATEGORY: Record<CareCategory, GuaranteeCategory> = {
  gp: "doctor-gp",
  specialist: "doctor-specialist",
  "specialist-referred": "doctor-specialist",
  "specialist-apc": "doctor-specialist",
  psychiatrist: "doctor-specialist",
  pediatrician: "doctor-specialist",
  gynecologist: "doctor-specialist",
  ophthalmologist: "doctor-specialist",
  "lab-test": "lab-imaging",
  imaging: "lab-imaging",
  "pharmacy-65": "pharmacy",
  "pharmacy-30": "pharmacy",
  "pharmacy-15": "pharmacy",
  "hospital-day": "hospital-daily-charge",
  "hospital-day-psychiatry": "hospital-daily-charge",
  "private-room": "private-room",
  "surgeon-fees": "surgeon-fees",
  "heavy-act-charge": "heavy-act-charge",
  "glasses-100-sante": "glasses",
  "glasses-class-b": "glasses",
  "contact-lenses": "contact-lenses",
  "dental-care": "dental-care",
  "crown-100-sante": "dental-prosthesis",
  "crown-free-price": "dental-prosthesis",
  orthodontics: "orthodontics",
  "hearing-aid-class-1": "hearing-aids",
  "hearing-aid-class-2": "hearing-aids",
  "alternative-medicine": "alternative-medicine",
  "psychologist-msp": "psychologist",
  "psychologist-private": "psychologist",
  physiotherapy: "paramedical",
  nursing: "paramedical",
  "speech-therapy": "paramedical",
  orthoptics: "paramedical",
  "dental-consultation": "dental-care",
  "dental-implant": "dental-implants",
  "contact-lenses-reimbursed": "contact-lenses",
};

/** Paramedical acts (auxiliaires médicaux): Sécu 60 %, a 1 € franchise each, no participation forfaitaire. */
export const PARAMEDICAL_CATEGORIES: readonly CareCategory[] = ["physiotherapy", "nursing", "speech-therapy", "orthoptics"];

/** Doctors' consultations: priced by the consultation BR table, subject to the parcours de soins. */
export const CONSULTATION_CATEGORIES: readonly CareCategory[] = [
  "gp",
  "specialist",
  "specialist-referred",
  "specialist-apc",
  "psychiatrist",
  "pediatrician",
  "gynecologist",
  "ophthalmologist",
];

/** Care categories billed by a doctor, where the sector (1, 2 OPTAM, 2 non-OPTAM, 3) matters. */
export const SECTOR_CATEGORIES: readonly CareCategory[] = [...CONSULTATION_CATEGORIES, "surgeon-fees"];

/** Guarantee lines of doctors' fees: the only ones with a non-OPTAM rate, capped by R871-2 CSS. */
export const DOCTOR_RATE_CATEGORIES: readonly GuaranteeCategory[] = ["doctor-gp", "doctor-specialist", "surgeon-fees"];

/**
 * Le Roux law (loi n° 2014-57): care networks may only differ on optics, dental and
 * hearing, never on doctors' fees.
 */
export const NETWORK_GUARANTEE_CATEGORIES: readonly GuaranteeCategory[] = [
  "glasses",
  "contact-lenses",
  "dental-care",
  "dental-prosthesis",
  "dental-implants",
  "orthodontics",
  "hearing-aids",
];

export const SECTORS = ["1", "2-optam", "2-non-optam", "3"] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

export const SECTOR_LABELS: Record<Sector, string> = {
  "1": "Secteur 1",
  "2-optam": "Secteur 2 adhérent OPTAM",
  "2-non-optam": "Secteur 2 non adhérent OPTAM",
  "3": "Secteur 3 (non conventionné)",
};

/**
 * Lens combinations of a pair of glasses, as R871-2 CSS sets the optics ceilings
 * ("verres simples", "complexes", "très complexes").
 */
export const LENS_PAIRS = [
  "simple-simple",
  "simple-complex",
  "complex-complex",
  "simple-very-complex",
  "complex-very-complex",
  "very-complex-very-complex",
] as const;
export const lensPairSchema = z.enum(LENS_PAIRS);
export type LensPair = z.infer<typeof lensPairSchema>;

export const LENS_PAIR_LABELS: Record<LensPair, string> = {
  "simple-simple": "deux verres simples",
  "simple-complex": "un verre simple et un verre complexe",
  "complex-complex": "deux verres complexes",
  "simple-very-complex": "un verre simple et un verre très complexe",
  "complex-very-complex": "un verre complexe et un verre très complexe",
  "very-complex-very-complex": "deux verres très complexes",
};

export const NETWORKS = ["santeclair", "kalixia", "itelis", "carte-blanche", "seveane"] as const;
export const networkNameSchema = z.enum(NETWORKS);
export type NetworkName = z.infer<typeof networkNameSchema>;

export const NETWORK_LABELS: Record<NetworkName, string> = {
  santeclair: "Santéclair",
  kalixia: "Kalixia",
  itelis: "Itelis",
  "carte-blanche": "Carte Blanche",
  seveane: "Sévéane",
};
