import { z } from "zod";
import {
  CARE_CATEGORY_LABELS,
  GUARANTEE_CATEGORY_LABELS,
  GUARANTEE_OF_CARE_CATEGORY,
  SECTOR_CATEGORIES,
  careCategorySchema,
  lensPairSchema,
  sectorSchema,
  type GuaranteeCategory,
} from "./care-category";
import { addMonths, dayNumber } from "../engine/dates";
import { uncoveredPeriodMessage } from "../engine/compile-profile";
import { CARE_LIMITS, HOUSEHOLD_LIMITS } from "./care-limits";
import { isoDateSchema, moneySchema } from "./money";

const frenchCount = (count: number) => count.toLocaleString("fr-FR");

/** Categories whose BR is not fixed by the table and may be entered with the price. */
export const VARIABLE_BR_CATEGORIES = [
  "lab-test",
  "imaging",
  "surgeon-fees",
  "dental-care",
  // Paramedical acts: key letter × coefficient of the prescribed act.
  "physiotherapy",
  "nursing",
  "speech-therapy",
  "orthoptics",
] as const;

/** Amounts set by law (forfait journalier, flat charge on heavy acts): the table gives them by date. */
export const REGULATED_PRICE_CATEGORIES = ["hospital-day", "hospital-day-psychiatry", "heavy-act-charge", "psychologist-msp"] as const;

export const careLineSchema = z
  .object({
    category: careCategorySchema,
    perYear: z
      .number()
      .min(0)
      .max(366)
      .meta({ description: "Nombre moyen d'actes par an (jours pour l'hospitalisation, oreilles pour les aides auditives)." }),
    sector: sectorSchema.optional().meta({ description: "Secteur du médecin (défaut : secteur 1)." }),
    price: moneySchema.optional().meta({ description: "Prix facturé par acte (défaut : prix habituel de la table de référence)." }),
    br: moneySchema.optional().meta({ description: "Base de remboursement, pour les actes dont la BR varie (analyses, imagerie, chirurgie, soins dentaires)." }),
    framePrice: moneySchema.optional().meta({ description: "Lunettes : prix de la monture, compris dans le prix." }),
    lensPair: lensPairSchema.optional().meta({ description: "Lunettes : types de verres (défaut : deux verres simples)." }),
    inNetwork: z.boolean().default(false).meta({ description: "Acheté chez un partenaire du réseau de soins de l'offre." }),
    label: z.string().trim().max(100).optional(),
  })
  .superRefine((line, ctx) => {
    const label = CARE_CATEGORY_LABELS[line.category];
    const limit = CARE_LIMITS[line.category].perYear;
    if (line.perYear > limit) {
      ctx.addIssue({ code: "custom", path: ["perYear"], message: `Nombre par an de « ${label} » : au plus ${frenchCount(limit)}` });
    }
    if (line.sector !== undefined && !SECTOR_CATEGORIES.includes(line.category)) {
      ctx.addIssue({ code: "custom", path: ["sector"], message: `Le secteur ne s'applique pas à « ${label} »` });
    }
    if (line.price !== undefined && (REGULATED_PRICE_CATEGORIES as readonly string[]).includes(line.category)) {
      ctx.addIssue({ code: "custom", path: ["price"], message: `Le montant de « ${label} » est fixé par la réglementation : ne pas l'indiquer` });
    }
    if (line.category === "surgeon-fees" && line.sector === "3") {
      ctx.addIssue({ code: "custom", path: ["sector"], message: "Honoraires de chirurgien : secteur 1 ou 2 attendu" });
    }
    if (line.br !== undefined && !(VARIABLE_BR_CATEGORIES as readonly string[]).includes(line.category)) {
      ctx.addIssue({ code: "custom", path: ["br"], message: `La base de remboursement de « ${label} » est fixée par la Sécu` });
    }
    const isGlasses = line.category === "glasses-class-b" || line.category === "glasses-100-sante";
    if ((line.framePrice !== undefined || line.lensPair !== undefined) && !isGlasses) {
      ctx.addIssue({ code: "custom", path: ["category"], message: `Monture et verres ne concernent que les lunettes, pas « ${label} »` });
    }
    if (line.framePrice !== undefined && line.category !== "glasses-class-b") {
      ctx.addIssue({ code: "custom", path: ["framePrice"], message: "Prix de monture : seulement pour les lunettes de classe B" });
    }
    if (line.framePrice !== undefined && line.price === undefined) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "Indiquer le prix total de l'équipement avec le prix de la monture" });
    }
    if (
      line.framePrice !== undefined &&
      line.price !== undefined &&
      Number(line.framePrice) > Number(line.price)
    ) {
      ctx.addIssue({ code: "custom", path: ["framePrice"], message: "La monture ne peut pas coûter plus que l'équipement complet" });
    }
  });
export type CareLine = z.output<typeof careLineSchema>;

export const beneficiarySchema = z.object({
  label: z.string().trim().min(1).max(60),
  age: z.int().min(0).max(120),
  role: z
    .enum(["adult", "child"])
    .optional()
    .meta({ description: "Adulte ou enfant à charge pour la cotisation (défaut : enfant avant 18 ans)." }),
  regime: z.enum(["general", "alsace-moselle"]).default("general"),
  exemptFromParticipation: z
    .boolean()
    .default(false)
    .meta({ description: "Exonéré de participation forfaitaire et de franchises (CSS, AME, grossesse) ; automatique avant 18 ans." }),
  hasMedecinTraitant: z.boolean().default(true).meta({ description: "Médecin traitant déclaré (parcours de soins)." }),
  care: z
    .array(careLineSchema)
    .max(HOUSEHOLD_LIMITS.linesPerBeneficiary, `Au plus ${HOUSEHOLD_LIMITS.linesPerBeneficiary} lignes de soins par personne`)
    .superRefine((care, ctx) => {
      const linesByGuarantee = new Map<GuaranteeCategory, number>();
      let acts = 0;
      for (const line of care) {
        const guarantee = GUARANTEE_OF_CARE_CATEGORY[line.category];
        linesByGuarantee.set(guarantee, (linesByGuarantee.get(guarantee) ?? 0) + 1);
        acts += line.perYear;
      }
      for (const [guarantee, count] of linesByGuarantee) {
        if (count > HOUSEHOLD_LIMITS.linesPerGuarantee) {
          const label = GUARANTEE_CATEGORY_LABELS[guarantee];
          ctx.addIssue({ code: "custom", message: `Soins de « ${label} » : au plus ${HOUSEHOLD_LIMITS.linesPerGuarantee} lignes par personne` });
        }
      }
      if (acts > HOUSEHOLD_LIMITS.actsPerBeneficiary) {
        ctx.addIssue({
          code: "custom",
          message: `Au plus ${frenchCount(HOUSEHOLD_LIMITS.actsPerBeneficiary)} actes par an pour une personne, toutes lignes de soins confondues`,
        });
      }
    }),
}).superRefine((beneficiary, ctx) => {
  beneficiary.care.forEach((line, index) => {
    // Mon soutien psy is open from the age of 3.
    if (line.category === "psychologist-msp" && beneficiary.age < 3) {
      ctx.addIssue({ code: "custom", path: ["care", index, "category"], message: "Mon soutien psy est ouvert à partir de 3 ans" });
    }
  });
});
export type Beneficiary = z.output<typeof beneficiarySchema>;

/**
 * A profile as stored: saved profiles are read back with it, whatever the reference
 * table covers today (lib/profiles/to-dto.ts).
 */
export const storedProfileSchema = z.object({
  startDate: isoDateSchema.meta({ description: "Date d'effet du contrat." }),
  department: z.string().regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu, ex. « 75 » ou « 2A »"),
  beneficiaries: z
    .array(beneficiarySchema)
    .min(1)
    .max(HOUSEHOLD_LIMITS.beneficiaries, `Au plus ${HOUSEHOLD_LIMITS.beneficiaries} personnes par profil`),
});

/** A profile the engine can price: its first twelve months lie within the reference table (DOMAIN.md §7). */
export const profileSchema = storedProfileSchema.superRefine((profile, ctx) => {
  const start = dayNumber(profile.startDate);
  // Zod runs this refinement even when the date itself was refused: nothing to add then.
  if (!Number.isFinite(start)) return;
  const message = uncoveredPeriodMessage({ start, end: addMonths(start, 12) });
  if (message) ctx.addIssue({ code: "custom", path: ["startDate"], message });
});
export type Profile = z.output<typeof profileSchema>;

/**
 * The household's yearly resources, to tell whether the Complémentaire santé solidaire
 * is open to it: optional, sent with a comparison beside the profile rather than in it,
 * so it never goes into a shared link (lib/compare/profile-url.ts) nor a saved profile. A
 * low income is sensitive: a link is forwarded, bookmarked and kept in browser history.
 */
export const householdResourcesSchema = moneySchema.meta({
  description: "Ressources annuelles du foyer (12 derniers mois), pour la Complémentaire santé solidaire.",
});
export type ProfileInput = z.input<typeof profileSchema>;
