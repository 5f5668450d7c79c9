import type { LensPair } from "../../schemas/care-category";
import type { Timeline } from "./timeline";

/**
 * THE reference table: every regulated figure the engine uses, in integer cents (money)
 * and basis points (rates, 7000 = 70 %), dated and sourced. A change of tariff is a new
 * dated entry in a timeline plus a new `version`; nothing else in the engine holds a
 * figure. Mainland France, régime général unless stated.
 *
 * Entries marked "indicative" are not regulated figures: they are the defaults used when
 * a profile line gives no price (DOMAIN.md §5 examples where available).
 */
const at = (from: string, value: number) => ({ from, value });
const fixed = (value: number): Timeline => [at("2000-01-01", value)];

export const SOURCES = {
  ameliTarifs: "https://www.ameli.fr/medecin/exercice-liberal/facturation-remuneration/consultations-actes/tarifs/tarifs-conventionnels-medecins-generalistes-specialistes",
  consultationRates: "https://www.service-public.gouv.fr/particuliers/vosdroits/F1069",
  participationForfaitaire: "https://www.service-public.gouv.fr/particuliers/vosdroits/F165",
  franchises: "https://www.service-public.gouv.fr/particuliers/vosdroits/F165",
  forfaitJournalier: "https://www.service-public.gouv.fr/particuliers/vosdroits/F33306",
  heavyActs: "https://www.ameli.fr/assure/remboursements/reste-charge/participation-forfaitaire-24-euros",
  contratResponsable: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038845584",
  cent100Sante: "https://www.ameli.fr/assure/remboursements/rembourse/100-sante",
  opticsClassA: "https://mutualib.fr/guide/lunettes-quels-remboursements.php",
  orthodontics: "https://www.ameli.fr/assure/remboursements/rembourse/soins-protheses-dentaires/orthodontie",
  psychologist: "https://www.mes-allocs.fr/guides/ameli/remboursement-ameli/ameli-remboursement-psychologue/mon-soutien-psy/remboursement-mon-soutien-psy",
  psychologistSessions: "https://www.monassurancefacile.com/magazine/sante2/mon-soutien-psy-12-seances-remboursees-prise-rdv-simplifiee-decouvrez-nouveautes-actees-decret",
  franchiseParamedical: "https://pharmaciens.poleformation-sante.fr/participation-des-assures-aux-frais-de-sante",
  physiotherapy: "https://www.rofim.fr/articles-blog/cotation-kine-tout-savoir-sur-la-ngap-2026-et-les-revalorisations-dactes",
  nursing: "https://espaceinfirmier.fr/actualites/installation-en-liberal-une-fin-de-liberte-negociee-pour-les-infirmieres.html",
  speechTherapy: "https://www.ag2rlamondiale.fr/sante-prevoyance/mutuelle-sante/conseil-quel-remboursement-de-l-orthophonie-par-la-mutuelle-sante",
  orthoptics: "https://orthoptie.net/pro/ngap.htm",
  dentalConsultation: "https://www.service-public.gouv.fr/particuliers/vosdroits/F33956",
  contactLenses: "https://www.ag2rlamondiale.fr/sante-prevoyance/mutuelle-sante/conseil-remboursement-des-lentilles-de-contact-comment-ca-marche",
  domain: "DOMAIN.md (project reference, figures as in force in 2026)",
} as const;

export const REFERENCE = {
  version: "fr-2026.3",
  updatedOn: "2026-11-30",

  /**
   * The care dates this table holds figures for. Before `from` some figures were not
   * carried (2025 tariffs steps, Mon soutien psy's 8 sessions…); after `to`, figures not
   * yet published (LFSS 2028). A period outside is refused, never computed with another
   * year's figures (DOMAIN.md §7). 2027 holds the figures in force on `updatedOn` with
   * the changes already published: extend `to` when the table is reviewed for 2028.
   */
  coverage: { from: "2026-01-01", to: "2027-12-31" },

  /** BR of consultations by sector: OPTAM/sector 1, non-OPTAM (sector 2), sector 3 (tarif d'autorité). */
  consultationBr: {
    // G at 30 € since 2024-12-22 (ameliTarifs).
    gp: { conventioned: [at("2023-12-01", 2650), at("2024-12-22", 3000)], nonOptam: fixed(2300), sector3: fixed(61) },
    specialist: { conventioned: fixed(2650), nonOptam: fixed(2300), sector3: fixed(122) },
    // CS + MCS when referred by the médecin traitant; direct-access specialists bill it too.
    specialistReferred: { conventioned: fixed(3150), nonOptam: fixed(2300), sector3: fixed(122) },
    // APC is a sector 1/OPTAM act; a non-OPTAM doctor bills a basic consultation.
    specialistApc: { conventioned: fixed(6000), nonOptam: fixed(2300), sector3: fixed(122) },
    psychiatrist: { conventioned: [at("2025-01-01", 5500), at("2026-01-01", 5700)], nonOptam: fixed(4250), sector3: fixed(122) },
    pediatricianUnder2: { conventioned: [at("2025-01-01", 3900), at("2026-01-01", 4000)], nonOptam: fixed(2300), sector3: fixed(122) },
    pediatrician2To6: { conventioned: fixed(3500), nonOptam: fixed(2300), sector3: fixed(122) },
    pediatricianFrom6: { conventioned: fixed(3150), nonOptam: fixed(2300), sector3: fixed(122) },
  },

  /** Sécu rates (basis points of the BR). */
  rates: {
    consultation: fixed(7000),
    consultationAlsaceMoselle: fixed(9000),
    // Outside the parcours de soins the rate drops by 40 points (70 % → 30 %).
    outOfParcoursPenalty: fixed(4000),
    // Sector 1 specialist consulted outside the parcours: dépassement autorisé ≤ 17.5 % BR.
    outOfParcoursDaMax: fixed(1750),
    lab: fixed(6000),
    imaging: fixed(7000),
    pharmacy65: fixed(6500),
    pharmacy30: fixed(3000),
    pharmacy15: fixed(1500),
    hospital: fixed(8000),
    // Acts with BR ≥ 120 € are taken at 100 %, the patient paying the flat charge instead.
    heavyAct: fixed(10000),
    optics: fixed(6000),
    hearing: fixed(6000),
    // Dental care and prostheses at 60 % since 2023-10-01 (70 % before).
    dental: [at("2020-01-01", 7000), at("2023-10-01", 6000)],
    orthodonticsUnder16: fixed(10000),
    // Mon soutien psy sessions and paramedical acts (auxiliaires médicaux): 60 %.
    psychologist: fixed(6000),
    paramedical: fixed(6000),
  },

  heavyActThreshold: fixed(12000),

  participationForfaitaire: {
    // 2 € per consultation or act since 2024-05-15 (1 € before).
    perAct: [at("2005-01-01", 100), at("2024-05-15", 200)],
    // At most 4 participations a day for one professional (a count, not euros): no cap
    // across professionals, so a GP, a lab and a radiologist on one day are 3 × 2 €
    // (documentation SNDS "PF": "plafonnée à 4 euros par jour pour un même professionnel"
    // in the 1 € era, i.e. 4 participations; DOMAIN.md §3).
    perDayPerProfessional: fixed(4),
    perYearCap: fixed(5000),
  },

  franchise: {
    // 1 € per box of medicines and per paramedical act since 2024-03-31 (0,50 € before);
    // the 2026 doubling was abandoned.
    perMedicineBox: [at("2008-01-01", 50), at("2024-03-31", 100)],
    perParamedicalAct: [at("2008-01-01", 50), at("2024-03-31", 100)],
    // Paramedical acts: at most 4 € a day for one professional (2 € before 2024-03-31).
    paramedicalPerDayCap: [at("2008-01-01", 200), at("2024-03-31", 400)],
    // One 50 € cap a calendar year for every franchise, separate from the participation's.
    perYearCap: fixed(5000),
  },

  /** Hospital: forfait journalier and the flat charge on heavy acts (not reimbursed by the Sécu). */
  hospital: {
    forfaitJournalier: [at("2018-01-01", 2000), at("2026-03-01", 2300)],
    forfaitJournalierPsychiatry: fixed(1700),
    heavyActFlatCharge: [at("2019-01-01", 2400), at("2026-04-01", 3200)],
  },

  optics: {
    // Class B (free-price) glasses: BR 0,15 € for the whole equipment.
    classBBr: fixed(15),
    // R871-2 CSS: ceilings per equipment, Sécu share included, and frame ≤ 100 €.
    responsableCeilings: {
      "simple-simple": fixed(42000),
      "simple-complex": fixed(56000),
      "complex-complex": fixed(70000),
      "simple-very-complex": fixed(61000),
      "complex-very-complex": fixed(75000),
      "very-complex-very-complex": fixed(80000),
    } satisfies Record<LensPair, Timeline>,
    responsableFrameMax: fixed(10000),
    // Class A: frame BR 9 € and price cap 30 € (opticsClassA); lenses priced up to 370 € a
    // pair depending on correction. Assumption to check against the LPP: class A lenses'
    // BR equals their price cap, so the Sécu pays 60 % of it.
    classAFrameBr: fixed(900),
    classAFramePriceCap: fixed(3000),
    classALensesPriceCap: fixed(37000),
    classALensesBr: fixed(37000),
    // Contact lenses for the listed conditions (strong myopia, keratoconus…): a yearly
    // forfait per eye, BR 39,48 €, at the optics rate (contactLenses).
    contactLensesBrPerEyeYear: fixed(3948),
  },

  hearing: {
    brPerEar: fixed(40000),
    classIPriceCapPerEar: fixed(95000),
    // R871-2 CSS: class II covered at most 1 700 € per ear, Sécu share included.
    classIIResponsableCeilingPerEar: fixed(170000),
  },

  dental: {
    crownBr: fixed(12000),
    // 100 % Santé ceramic-metal crown (incisors, canines, first premolars): price cap 500 €.
    crown100SantePriceCap: fixed(50000),
    // Orthodontics before 16: BR 193,50 € per semester; not reimbursed after.
    orthodonticsBrPerSemester: fixed(19350),
    // Dentist consultation: BR 23 €, at the dental rate (60 % since 2023-10-01); a
    // chirurgien-dentiste's acts carry no participation forfaitaire (dentalConsultation).
    consultationBr: fixed(2300),
  },

  /** Mon soutien psy: a fixed 50 € session (no dépassement) since 2024-06-15 (30 € before). */
  psychologist: {
    mspSessionPrice: [at("2022-04-05", 3000), at("2024-06-15", 5000)],
    // Sessions the Sécu reimburses per person and calendar year: 12 from 2025 (8 before).
    mspSessionsPerYear: [at("2022-04-05", 8), at("2025-01-01", 12)],
  },

  /** Indicative defaults (not regulated) when a profile line gives no price or BR. */
  typical: {
    labTest: fixed(2000),
    imaging: fixed(4000),
    pharmacyBox: fixed(1000),
    privateRoomNight: fixed(8000),
    surgeonBr: fixed(30000),
    surgeonPriceOptam: fixed(45000),
    surgeonPriceNonOptam: fixed(60000),
    doctorPriceOptam: fixed(3500), // DOMAIN.md §5: GP OPTAM 35 €
    specialistPriceOptam: fixed(5400), // DOMAIN.md §5: specialist OPTAM 54 €
    specialistPriceNonOptam: fixed(6500), // DOMAIN.md §5: specialist non-OPTAM 65 €
    glassesClassB: fixed(45000),
    glassesClassBFrame: fixed(15000),
    contactLensesYear: fixed(25000),
    dentalCare: fixed(3000),
    crownFreePrice: fixed(55700), // DOMAIN.md §5: crown on a molar 557 €
    orthodonticsSemester: fixed(70000),
    hearingClassIIPerEar: fixed(150000),
    alternativeSession: fixed(6000),
    psychologistPrivateSession: fixed(6000),
    // Physiotherapy, usual session AMS 7,5 × 2,21 € = 16,58 € (avenant 7, 2024), AMS 8,1
    // (17,90 €) from 2026-01-01 after the July 2025 step was postponed (physiotherapy).
    physiotherapySession: [at("2024-01-01", 1658), at("2026-01-01", 1790)],
    // Nurse: AMI 1 (3,15 € since 2009) plus the home visit IFD (2,50 €) (nursing).
    nursingAct: fixed(565),
    // Speech therapy: AMO 12,1 × 2,50 € (speechTherapy); check the AMO value of the year.
    speechTherapySession: fixed(3025),
    // Orthoptics: AMY 10 × 2,60 € (orthoptics).
    orthopticsSession: fixed(2600),
    dentalImplant: fixed(120000),
    contactLensesReimbursedYear: fixed(20000),
  },
} as const;
