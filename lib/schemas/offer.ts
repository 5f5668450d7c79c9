import { z } from "zod";
import {
  DOCTOR_RATE_CATEGORIES,
  GUARANTEE_CATEGORY_LABELS,
  NETWORK_GUARANTEE_CATEGORIES,
  guaranteeCategorySchema,
  lensPairSchema,
  networkNameSchema,
  type GuaranteeCategory,
} from "./care-category";
import { moneySchema, percentSchema } from "./money";
import { overlappingBands } from "./premium-bands";

export { validateResponsable, type ResponsableViolation } from "../engine/responsable";

/**
 * How a percentage of the BR is read:
 * - "secu-included": the usual wording, "200 % BR" is the total with the Sécu share;
 * - "tm-plus": "TM + x % BR", the ticket modérateur plus x % of the BR;
 * - "hors-secu": x % of the BR on top of what the Sécu paid.
 */
export const rateBasisSchema = z.enum(["secu-included", "tm-plus", "hors-secu"]);
export type RateBasis = z.infer<typeof rateBasisSchema>;

/** "act", "day" and "equipment" all mean: per unit of the care line (a night, a pair, an ear). */
export const forfaitSchema = z
  .object({
    amount: moneySchema,
    per: z.enum(["act", "day", "equipment", "year"]),
    includesSecu: z.boolean().default(false).meta({ description: "Le forfait inclut la part Sécu (cas des plafonds optiques)." }),
    maxPerYear: z
      .int()
      .min(1)
      .max(366)
      .optional()
      .meta({
        description:
          "Nombre d'actes ou d'équipements payés par an et par bénéficiaire (« 4 séances × 30 € par an », « 2 implants par an ») ; compté en euros : maxPerYear × amount par année civile.",
      }),
  })
  .refine((forfait) => forfait.maxPerYear === undefined || forfait.per !== "year", {
    message: "Un forfait annuel ne se limite pas en nombre d'actes",
    path: ["maxPerYear"],
  });
export type Forfait = z.output<typeof forfaitSchema>;

/** The terms of one guarantee line; every part is optional and the parts add up. */
export const guaranteeTermsSchema = z.object({
  percentBr: percentSchema
    .optional()
    .meta({ description: "Taux en % de la BR (médecins secteur 1 et OPTAM pour les honoraires)." }),
  percentBrNonOptam: percentSchema
    .optional()
    .meta({ description: "Taux pour les médecins non OPTAM et secteur 3 (défaut : percentBr)." }),
  basis: rateBasisSchema.default("secu-included"),
  fraisReels: z.boolean().default(false).meta({ description: "Prise en charge aux frais réels (tout ce que la Sécu laisse)." }),
  forfait: forfaitSchema.optional(),
  glassesAmounts: z
    .partialRecord(lensPairSchema, moneySchema)
    .optional()
    .meta({ description: "Lunettes : montant par équipement selon les verres, part Sécu incluse (verres absents : rien)." }),
  frameMax: moneySchema.optional().meta({ description: "Lunettes : plafond pour la monture, part Sécu incluse." }),
});
export type GuaranteeTerms = z.output<typeof guaranteeTermsSchema>;

export const guaranteeSchema = guaranteeTermsSchema.extend({
  waitingMonths: z.int().min(0).max(12).default(0).meta({ description: "Délai de carence en mois depuis la date d'effet." }),
  inNetwork: guaranteeTermsSchema
    .optional()
    .meta({ description: "Conditions qui remplacent les précédentes chez un partenaire du réseau." }),
});
export type Guarantee = z.output<typeof guaranteeSchema>;

/** An annual ceiling per beneficiary, shared by the acts of its categories in date order. */
export const ceilingSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Identifiant en minuscules, chiffres et tirets"),
  categories: z.array(guaranteeCategorySchema).min(1),
  amount: moneySchema,
  period: z.enum(["calendar", "membership"]).meta({ description: "Année civile ou année d'adhésion." }),
  firstYearAmount: moneySchema.optional().meta({ description: "Plafond réduit la première année." }),
});
export type Ceiling = z.output<typeof ceilingSchema>;

export const networkTermsSchema = z.object({
  name: networkNameSchema,
  lensesDiscountPercent: z.number().min(0).max(80),
  frameDiscountPercent: z.number().min(0).max(80),
  dentalDiscountPercent: z.number().min(0).max(80),
  hearingDiscountPercent: z.number().min(0).max(80),
});
export type NetworkTerms = z.output<typeof networkTermsSchema>;

export const premiumBandSchema = z
  .object({
    minAge: z.int().min(0).max(120),
    maxAge: z.int().min(0).max(120),
    monthly: moneySchema.meta({ description: "Cotisation mensuelle par bénéficiaire." }),
    departments: z
      .array(z.string().regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu, ex. « 75 » ou « 2A »"))
      .min(1)
      .optional()
      .meta({ description: "Zone tarifaire : départements où ce tarif s'applique (défaut : partout)." }),
    childRankFrom: z
      .int()
      .min(1)
      .optional()
      .meta({ description: "Tarif réservé aux enfants à partir de ce rang (ex. 3 : gratuit dès le 3e enfant)." }),
  })
  .refine((band) => band.minAge <= band.maxAge, { message: "Âge maximum : il doit être supérieur ou égal à l’âge minimum.", path: ["maxAge"] });
export type PremiumBand = z.output<typeof premiumBandSchema>;

export const offerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Identifiant en minuscules, chiffres et tirets (64 caractères au plus)"),
    insurer: z.object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(["mutuelle", "assureur", "institution-de-prevoyance"]).optional(),
    }),
    formula: z.string().trim().min(1).max(100),
    level: z.int().min(1).max(5).meta({ description: "Niveau de garanties, de 1 (essentiel) à 5 (renforcé)." }),
    responsable: z.boolean().meta({ description: "Contrat responsable (art. L871-1 et R871-2 CSS)." }),
    network: networkTermsSchema.nullable(),
    premiums: z.object({ bands: z.array(premiumBandSchema).min(1) }),
    guarantees: z.record(guaranteeCategorySchema, guaranteeSchema),
    ceilings: z.array(ceilingSchema).default([]),
  })
  .superRefine((offer, ctx) => {
    for (const overlap of overlappingBands(offer.premiums.bands)) {
      ctx.addIssue({ code: "custom", path: ["premiums", "bands", overlap.index, "minAge"], message: overlap.message });
    }
    const seenIds = new Set<string>();
    const ceilingOf = new Map<GuaranteeCategory, string>();
    offer.ceilings.forEach((ceiling, index) => {
      if (seenIds.has(ceiling.id)) {
        ctx.addIssue({ code: "custom", path: ["ceilings", index, "id"], message: `Plafond « ${ceiling.id} » en double` });
      }
      seenIds.add(ceiling.id);
      for (const category of ceiling.categories) {
        const other = ceilingOf.get(category);
        if (other !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["ceilings", index, "categories"],
            message: `La garantie « ${GUARANTEE_CATEGORY_LABELS[category]} » est déjà dans le plafond « ${other} »`,
          });
        }
        ceilingOf.set(category, ceiling.id);
      }
    });
    for (const [category, guarantee] of Object.entries(offer.guarantees) as [GuaranteeCategory, Guarantee][]) {
      const label = GUARANTEE_CATEGORY_LABELS[category];
      const termsList: [GuaranteeTerms, (string | number)[]][] = [[guarantee, ["guarantees", category]]];
      if (guarantee.inNetwork) termsList.push([guarantee.inNetwork, ["guarantees", category, "inNetwork"]]);
      for (const [terms, path] of termsList) {
        // A yearly forfait is a ceiling of its own: sharing another ceiling would make two budgets for one euro.
        if (terms.forfait?.per === "year" && ceilingOf.has(category)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "forfait", "per"],
            message: `Forfait annuel sur « ${label} » : la garantie ne peut pas être aussi dans un plafond`,
          });
        }
        // A forfait limited to n acts a year is a yearly budget too (n × amount).
        if (terms.forfait?.maxPerYear !== undefined && ceilingOf.has(category)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "forfait", "maxPerYear"],
            message: `Forfait limité en nombre sur « ${label} » : la garantie ne peut pas être aussi dans un plafond`,
          });
        }
        if ((terms.glassesAmounts || terms.frameMax) && category !== "glasses") {
          ctx.addIssue({ code: "custom", path, message: `Montants optiques sur « ${label} » : réservés aux lunettes` });
        }
        if (terms.percentBrNonOptam !== undefined && !DOCTOR_RATE_CATEGORIES.includes(category)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "percentBrNonOptam"],
            message: `Taux non OPTAM sur « ${label} » : réservé aux honoraires médicaux`,
          });
        }
      }
      if (guarantee.inNetwork) {
        // Loi Le Roux (2014): networks may not change doctors' coverage.
        if (!NETWORK_GUARANTEE_CATEGORIES.includes(category)) {
          ctx.addIssue({
            code: "custom",
            path: ["guarantees", category, "inNetwork"],
            message: `Conditions réseau sur « ${label} » : un réseau ne concerne que l'optique, le dentaire et l'audition (loi Le Roux)`,
          });
        } else if (offer.network === null) {
          ctx.addIssue({
            code: "custom",
            path: ["guarantees", category, "inNetwork"],
            message: `Conditions réseau sur « ${label} » alors que l'offre n'a pas de réseau`,
          });
        }
      }
    }
  });
export type Offer = z.output<typeof offerSchema>;
export type OfferInput = z.input<typeof offerSchema>;

/** Guarantee lines that format version 1 did not have: a version-1 offer covers them with nothing of its own. */
export const GUARANTEES_ADDED_IN_VERSION_2: readonly GuaranteeCategory[] = ["psychologist", "paramedical", "dental-implants"];

/**
 * A version-1 catalogue as version 2: each offer gets the guarantee lines added since.
 * They say what the contract is bound to and no more: a contrat responsable pays the
 * ticket modérateur on psychologist (Mon soutien psy) and paramedical acts (100 % BR),
 * nothing else; a contract that is not responsable, nothing. Anything else passes
 * through for the schema to judge.
 */
export function upgradeCatalogue(input: unknown): unknown {
  if (typeof input !== "object" || input === null || (input as { formatVersion?: unknown }).formatVersion !== 1) return input;
  const { offers, ...rest } = input as { formatVersion: 1; offers?: unknown };
  return {
    ...rest,
    formatVersion: 2,
    offers: Array.isArray(offers)
      ? offers.map((offer: unknown) => {
          const guarantees = (offer as { guarantees?: unknown } | null)?.guarantees;
          if (typeof guarantees !== "object" || guarantees === null) return offer;
          const responsable = (offer as { responsable?: unknown }).responsable === true;
          const added = Object.fromEntries(
            GUARANTEES_ADDED_IN_VERSION_2.map((category) => [category, responsable && category !== "dental-implants" ? { percentBr: 100 } : {}]),
          );
          return { ...(offer as object), guarantees: { ...added, ...guarantees } };
        })
      : offers,
  };
}

/**
 * The one catalogue format: import, export, demo data and the quote command line.
 * Version 2 added the psychologist, paramedical and dental implant guarantee lines and
 * `forfait.maxPerYear`; version-1 files are read through upgradeCatalogue.
 */
export const CATALOGUE_FORMAT_VERSION = 2;

/** A catalogue in the current format, without the version-1 upgrade. */
const currentCatalogueSchema = z
  .object({
    formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
    offers: z.array(offerSchema),
  })
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.offers.forEach((offer, index) => {
      if (seen.has(offer.id)) {
        ctx.addIssue({ code: "custom", path: ["offers", index, "id"], message: `Identifiant d'offre « ${offer.id} » en double` });
      }
      seen.add(offer.id);
    });
  });

export const catalogueSchema = z.preprocess(upgradeCatalogue, currentCatalogueSchema);
export type Catalogue = z.output<typeof currentCatalogueSchema>;
/** What a file in the current format holds (version-1 files are accepted too, as unknown input). */
export type CatalogueInput = z.input<typeof currentCatalogueSchema>;
