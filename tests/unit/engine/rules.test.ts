import { describe, expect, test } from "vitest";
import type { Offer } from "@/lib/schemas/offer";
import type { Profile } from "@/lib/schemas/profile";
import { oneLineProfile, reasonsOf, scenarioOf, testOffer } from "./helpers";
import { profileSchema } from "@/lib/schemas/profile";
import { compileProfile } from "@/lib/engine/compile-profile";
import { scheduleYear } from "@/lib/engine/schedule";

interface Case {
  name: string;
  offer: Offer;
  profile: Profile;
  year?: number;
  expected: { price: string; secu: string; mutuelle: string; rac: string };
  reasons?: Record<string, string>;
}

const NETWORK = {
  name: "santeclair",
  lensesDiscountPercent: 40,
  frameDiscountPercent: 20,
  dentalDiscountPercent: 10,
  hearingDiscountPercent: 15,
} as const;
const DENTAL_CEILING = { id: "dentaire", categories: ["dental-prosthesis" as const], amount: "300.00", period: "calendar" as const };

/** Figures recomputed by hand, cent by cent; the comment under each name is the computation. */
const CASES: Case[] = [
  {
    name: "Secteur 3 : tarif d'autorité de 0,61 €, la participation ne dépasse pas la part Sécu",
    // 70 % × 0,61 = 0,427 → 0,43 ; participation limitée à 0,43 ; mutuelle 0,61 − 0,43 = 0,18.
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 1, sector: "3", price: "50.00" }),
    expected: { price: "50.00", secu: "0.00", mutuelle: "0.18", rac: "49.82" },
    reasons: { "participation-forfaitaire": "0.43", "beyond-guarantee": "49.39" },
  },
  {
    name: "Secteur 3 : spécialiste au tarif d'autorité de 1,22 €",
    // 70 % × 1,22 = 0,854 → 0,85 ; mutuelle 1,22 − 0,85 = 0,37.
    offer: testOffer(),
    profile: oneLineProfile({ category: "specialist", perYear: 1, sector: "3", price: "60.00" }),
    expected: { price: "60.00", secu: "0.00", mutuelle: "0.37", rac: "59.63" },
  },
  {
    name: "Arrondi de la Sécu au centime supérieur à partir du demi-centime",
    // Imagerie 70 % × 12,35 = 8,645 → 8,65 ; − 2 € = 6,65 ; mutuelle 12,35 − 8,65 = 3,70.
    offer: testOffer(),
    profile: oneLineProfile({ category: "imaging", perYear: 1, br: "12.35", price: "12.35" }),
    expected: { price: "12.35", secu: "6.65", mutuelle: "3.70", rac: "2.00" },
  },
  {
    name: "Hors parcours : Sécu à 30 %, la majoration de 40 points n'est pas remboursable",
    // 30 % × 30 = 9 − 2 = 7 ; mutuelle min(30, 30) − 21 = 9 ; RAC 2 + 12 de majoration.
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 1, price: "30.00" }, { hasMedecinTraitant: false }),
    expected: { price: "30.00", secu: "7.00", mutuelle: "9.00", rac: "14.00" },
    reasons: { "participation-forfaitaire": "2.00", "out-of-parcours": "12.00" },
  },
  {
    name: "Hors parcours : dépassement autorisé de 17,5 % d'un spécialiste secteur 1, non remboursable",
    // BR 26,50, DA 4,6375 → 4,64, prix 31,14 ; Sécu 30 % = 7,95 − 2 = 5,95 ; mutuelle 200 % :
    // min(53, 31,14 − 4,64) − 18,55 = 7,95 ; RAC 2 + 10,60 + 4,64.
    offer: testOffer({ percent: 200 }),
    profile: oneLineProfile({ category: "specialist", perYear: 1, price: "31.14" }, { hasMedecinTraitant: false }),
    expected: { price: "31.14", secu: "5.95", mutuelle: "7.95", rac: "17.24" },
    reasons: { "participation-forfaitaire": "2.00", "out-of-parcours": "15.24" },
  },
  {
    name: "Hors parcours avec un contrat non responsable : la majoration peut être prise en charge",
    // Mutuelle min(30, 30) − 9 = 21.
    offer: testOffer({ responsable: false }),
    profile: oneLineProfile({ category: "gp", perYear: 1, price: "30.00" }, { hasMedecinTraitant: false }),
    expected: { price: "30.00", secu: "7.00", mutuelle: "21.00", rac: "2.00" },
  },
  {
    name: "Gynécologue en accès direct sans médecin traitant : pas de pénalité",
    offer: testOffer(),
    profile: oneLineProfile({ category: "gynecologist", perYear: 1, price: "31.50" }, { hasMedecinTraitant: false }),
    expected: { price: "31.50", secu: "20.05", mutuelle: "9.45", rac: "2.00" },
  },
  {
    name: "Psychiatre à 22 ans sans médecin traitant : accès direct, BR 57 € en 2026",
    offer: testOffer(),
    profile: oneLineProfile({ category: "psychiatrist", perYear: 1, price: "57.00" }, { age: 22, hasMedecinTraitant: false }),
    expected: { price: "57.00", secu: "37.90", mutuelle: "17.10", rac: "2.00" },
  },
  {
    name: "Psychiatre non OPTAM : BR 42,50 €",
    // 70 % × 42,50 = 29,75 − 2 = 27,75 ; mutuelle 100 % : 42,50 − 29,75 = 12,75.
    offer: testOffer(),
    profile: oneLineProfile({ category: "psychiatrist", perYear: 1, sector: "2-non-optam", price: "42.50" }),
    expected: { price: "42.50", secu: "27.75", mutuelle: "12.75", rac: "2.00" },
  },
  {
    name: "Alsace-Moselle : 90 % sur la consultation",
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 1, price: "30.00" }, { regime: "alsace-moselle" }),
    expected: { price: "30.00", secu: "25.00", mutuelle: "3.00", rac: "2.00" },
  },
  {
    name: "Pédiatre pour un enfant de 1 an en 2026 : BR 40 €, pas de participation pour un mineur",
    offer: testOffer(),
    profile: oneLineProfile({ category: "pediatrician", perYear: 1, price: "40.00" }, { age: 1 }),
    expected: { price: "40.00", secu: "28.00", mutuelle: "12.00", rac: "0.00" },
  },
  {
    name: "Pédiatre pour un enfant de 4 ans : BR 35 €",
    offer: testOffer(),
    profile: oneLineProfile({ category: "pediatrician", perYear: 1, price: "35.00" }, { age: 4 }),
    expected: { price: "35.00", secu: "24.50", mutuelle: "10.50", rac: "0.00" },
  },
  {
    name: "Bénéficiaire de la CSS : exonéré de participation forfaitaire",
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 1, price: "30.00" }, { exemptFromParticipation: true }),
    expected: { price: "30.00", secu: "21.00", mutuelle: "9.00", rac: "0.00" },
  },
  {
    name: "Participation forfaitaire : 50 € par an au plus",
    // 30 consultations à 2 € = 60, plafonné à 50 : Sécu 30 × 21 − 50 = 580.
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 30, price: "30.00" }),
    expected: { price: "900.00", secu: "580.00", mutuelle: "270.00", rac: "50.00" },
    reasons: { "participation-forfaitaire": "50.00" },
  },
  {
    name: "Franchise : 1 € par boîte, 50 € par an au plus, jamais remboursée",
    // 60 boîtes à 10 € : Sécu 60 × 6,50 − 50 = 340 ; mutuelle 60 × 3,50 = 210.
    offer: testOffer(),
    profile: oneLineProfile({ category: "pharmacy-65", perYear: 60, price: "10.00" }),
    expected: { price: "600.00", secu: "340.00", mutuelle: "210.00", rac: "50.00" },
    reasons: { franchise: "50.00" },
  },
  {
    name: "Médicament à 15 % : franchise de 1 €, le reste couvert à 100 % BR",
    offer: testOffer(),
    profile: oneLineProfile({ category: "pharmacy-15", perYear: 1, price: "10.00" }),
    expected: { price: "10.00", secu: "0.50", mutuelle: "8.50", rac: "1.00" },
  },
  {
    name: "Médicament à 30 % sans garantie : le contrat responsable n'est pas tenu au ticket modérateur",
    offer: testOffer({ guarantees: { pharmacy: {} } }),
    profile: oneLineProfile({ category: "pharmacy-30", perYear: 1, price: "10.00" }),
    expected: { price: "10.00", secu: "2.00", mutuelle: "0.00", rac: "8.00" },
    reasons: { franchise: "1.00", "not-covered": "7.00" },
  },
  {
    name: "Médicament à 65 % sans garantie : le contrat responsable paie quand même le ticket modérateur",
    offer: testOffer({ guarantees: { pharmacy: {} } }),
    profile: oneLineProfile({ category: "pharmacy-65", perYear: 1, price: "10.00" }),
    expected: { price: "10.00", secu: "5.50", mutuelle: "3.50", rac: "1.00" },
  },
  {
    name: "Non OPTAM avec 200 % partout : plafonné à 180 %, 20 points sous l'OPTAM",
    // min(1,8 × 23, 65) − 16,10 = 25,30 ; RAC 2 + 19 au-delà de 200 % + 4,60 de plafond légal.
    offer: testOffer({ percent: 200 }),
    profile: oneLineProfile({ category: "specialist", perYear: 1, sector: "2-non-optam", price: "65.00" }),
    expected: { price: "65.00", secu: "14.10", mutuelle: "25.30", rac: "25.60" },
    reasons: { "participation-forfaitaire": "2.00", "beyond-guarantee": "19.00", "legal-cap": "4.60" },
  },
  {
    name: "Non OPTAM, contrat non responsable à 300 % : pas de plafond légal",
    // min(3 × 23, 65) − 16,10 = 48,90.
    offer: testOffer({ percent: 300, responsable: false }),
    profile: oneLineProfile({ category: "specialist", perYear: 1, sector: "2-non-optam", price: "65.00" }),
    expected: { price: "65.00", secu: "14.10", mutuelle: "48.90", rac: "2.00" },
  },
  {
    name: "« TM + 100 % » : ticket modérateur plus 100 % de la BR",
    // Total 31,50 + 31,50 = 63 ; mutuelle min(63, 54) − 22,05 = 31,95.
    offer: testOffer({ guarantees: { "doctor-specialist": { percentBr: 100, basis: "tm-plus" } } }),
    profile: oneLineProfile({ category: "specialist-referred", perYear: 1, sector: "2-optam", price: "54.00" }),
    expected: { price: "54.00", secu: "20.05", mutuelle: "31.95", rac: "2.00" },
  },
  {
    name: "« 100 % hors Sécu » : 100 % de la BR en plus de la Sécu",
    // Mutuelle min(21 + 30, 60) − 21 = 30.
    offer: testOffer({ guarantees: { "doctor-gp": { percentBr: 100, basis: "hors-secu" } } }),
    profile: oneLineProfile({ category: "gp", perYear: 1, sector: "2-optam", price: "60.00" }),
    expected: { price: "60.00", secu: "19.00", mutuelle: "30.00", rac: "11.00" },
  },
  {
    name: "Médecine douce : forfait de 30 € par séance, pas de Sécu",
    offer: testOffer({ guarantees: { "alternative-medicine": { forfait: { amount: "30.00", per: "act" } } } }),
    profile: oneLineProfile({ category: "alternative-medicine", perYear: 1, price: "60.00" }),
    expected: { price: "60.00", secu: "0.00", mutuelle: "30.00", rac: "30.00" },
    reasons: { "beyond-guarantee": "30.00" },
  },
  {
    name: "Médecine douce sans garantie : non couverte",
    offer: testOffer(),
    profile: oneLineProfile({ category: "alternative-medicine", perYear: 1, price: "60.00" }),
    expected: { price: "60.00", secu: "0.00", mutuelle: "0.00", rac: "60.00" },
    reasons: { "not-covered": "60.00" },
  },
  {
    name: "Médecine douce : 4 séances à 30 €, plafond annuel de 100 €",
    // 30 + 30 + 30 + 10 = 100 payés, 20 perdus au plafond.
    offer: testOffer({
      guarantees: { "alternative-medicine": { forfait: { amount: "30.00", per: "act" } } },
      ceilings: [{ id: "douces", categories: ["alternative-medicine"], amount: "100.00", period: "calendar" }],
    }),
    profile: oneLineProfile({ category: "alternative-medicine", perYear: 4, price: "50.00" }),
    expected: { price: "200.00", secu: "0.00", mutuelle: "100.00", rac: "100.00" },
    reasons: { "beyond-guarantee": "80.00", "ceiling-reached": "20.00" },
  },
  {
    // 12 days spread over 2026: the 16 January and 15 February ones before the change.
    name: "Forfait journalier : 20 € avant le 1er mars 2026 puis 23 €, couvert en totalité même sans garantie",
    offer: testOffer({ guarantees: { "hospital-daily-charge": {} } }),
    profile: oneLineProfile({ category: "hospital-day", perYear: 12 }),
    expected: { price: "270.00", secu: "0.00", mutuelle: "270.00", rac: "0.00" },
  },
  {
    name: "Forfait journalier : 23 € à partir du 1er mars 2026",
    offer: testOffer(),
    profile: oneLineProfile({ category: "hospital-day", perYear: 1 }),
    expected: { price: "23.00", secu: "0.00", mutuelle: "23.00", rac: "0.00" },
  },
  {
    name: "Forfait journalier de psychiatrie : 17 €",
    offer: testOffer(),
    profile: oneLineProfile({ category: "hospital-day-psychiatry", perYear: 1 }),
    expected: { price: "17.00", secu: "0.00", mutuelle: "17.00", rac: "0.00" },
  },
  {
    name: "Forfait journalier, contrat non responsable sans garantie : à charge",
    offer: testOffer({ responsable: false, guarantees: { "hospital-daily-charge": {} } }),
    profile: oneLineProfile({ category: "hospital-day", perYear: 1 }),
    expected: { price: "23.00", secu: "0.00", mutuelle: "0.00", rac: "23.00" },
    reasons: { "not-covered": "23.00" },
  },
  {
    // 4 acts spread over 2026: the 15 February one before the change.
    name: "Participation sur acte lourd : 24 € avant avril 2026 puis 32 €",
    offer: testOffer(),
    profile: oneLineProfile({ category: "heavy-act-charge", perYear: 4 }),
    expected: { price: "120.00", secu: "0.00", mutuelle: "120.00", rac: "0.00" },
  },
  {
    name: "Participation sur acte lourd : 32 € à partir d'avril 2026",
    offer: testOffer(),
    profile: oneLineProfile({ category: "heavy-act-charge", perYear: 1 }),
    expected: { price: "32.00", secu: "0.00", mutuelle: "32.00", rac: "0.00" },
  },
  {
    name: "Chirurgien OPTAM, acte lourd (BR ≥ 120 €) : Sécu à 100 %",
    // Mutuelle 200 % : min(600, 450) − 300 = 150.
    offer: testOffer({ percent: 200 }),
    profile: oneLineProfile({ category: "surgeon-fees", perYear: 1, sector: "2-optam", br: "300.00", price: "450.00" }),
    expected: { price: "450.00", secu: "300.00", mutuelle: "150.00", rac: "0.00" },
  },
  {
    name: "Chirurgien, acte de moins de 120 € : Sécu à 80 %",
    offer: testOffer(),
    profile: oneLineProfile({ category: "surgeon-fees", perYear: 1, br: "100.00", price: "100.00" }),
    expected: { price: "100.00", secu: "80.00", mutuelle: "20.00", rac: "0.00" },
  },
  {
    name: "Chirurgien non OPTAM : 300 % dans l'offre, 200 % au plus pour un contrat responsable",
    // Mutuelle min(600, 900) − 300 = 300 au lieu de 600.
    offer: testOffer({ percent: 300 }),
    profile: oneLineProfile({ category: "surgeon-fees", perYear: 1, sector: "2-non-optam", br: "300.00", price: "900.00" }),
    expected: { price: "900.00", secu: "300.00", mutuelle: "300.00", rac: "300.00" },
    reasons: { "legal-cap": "300.00" },
  },
  {
    name: "Chambre particulière : forfait de 50 € par nuit",
    offer: testOffer({ guarantees: { "private-room": { forfait: { amount: "50.00", per: "day" } } } }),
    profile: oneLineProfile({ category: "private-room", perYear: 2, price: "80.00" }),
    expected: { price: "160.00", secu: "0.00", mutuelle: "100.00", rac: "60.00" },
  },
  {
    name: "Lunettes 100 % Santé : reste à charge nul au prix limite",
    // BR 379, Sécu 60 % = 227,40 ; mutuelle 400 − 227,40.
    offer: testOffer(),
    profile: oneLineProfile({ category: "glasses-100-sante", perYear: 1 }),
    expected: { price: "400.00", secu: "227.40", mutuelle: "172.60", rac: "0.00" },
  },
  {
    name: "Lunettes 100 % Santé vendues au-dessus du prix limite",
    offer: testOffer(),
    profile: oneLineProfile({ category: "glasses-100-sante", perYear: 1, price: "450.00" }),
    expected: { price: "450.00", secu: "227.40", mutuelle: "172.60", rac: "50.00" },
    reasons: { "above-price-cap": "50.00" },
  },
  {
    name: "Lunettes classe B : l'offre promet 800 €, le contrat responsable plafonne à 420 € et la monture à 100 €",
    // min(min(200, 100) + 300, 420) − 0,09 = 399,91 : 100 € de monture au-delà du plafond.
    offer: testOffer({ guarantees: { glasses: { glassesAmounts: Object.fromEntries(["simple-simple", "simple-complex", "complex-complex", "simple-very-complex", "complex-very-complex", "very-complex-very-complex"].map((p) => [p, "800.00"])) } } }),
    profile: oneLineProfile({ category: "glasses-class-b", perYear: 1, price: "500.00", framePrice: "200.00" }),
    expected: { price: "500.00", secu: "0.09", mutuelle: "399.91", rac: "100.00" },
    reasons: { "legal-cap": "100.00" },
  },
  {
    name: "Lunettes classe B : monture de 250 € plafonnée à 100 €",
    // min(100 + 50, 420) − 0,09 = 149,91.
    offer: testOffer({ guarantees: { glasses: { glassesAmounts: { "simple-simple": "420.00" } } } }),
    profile: oneLineProfile({ category: "glasses-class-b", perYear: 1, price: "300.00", framePrice: "250.00" }),
    expected: { price: "300.00", secu: "0.09", mutuelle: "149.91", rac: "150.00" },
  },
  {
    name: "Réseau de soins : −40 % sur les verres, −20 % sur la monture",
    // Monture 200 → 160, verres 300 → 180, prix 340 ; min(min(160, 100) + 180, 300) − 0,09.
    offer: testOffer({
      network: NETWORK,
      guarantees: { glasses: { glassesAmounts: { "simple-simple": "300.00" }, frameMax: "100.00" } },
    }),
    profile: oneLineProfile({ category: "glasses-class-b", perYear: 1, price: "500.00", framePrice: "200.00", inNetwork: true }),
    expected: { price: "340.00", secu: "0.09", mutuelle: "279.91", rac: "60.00" },
  },
  {
    name: "Réseau de soins : meilleure garantie chez le partenaire",
    offer: testOffer({
      network: NETWORK,
      guarantees: {
        glasses: {
          glassesAmounts: { "simple-simple": "200.00" },
          frameMax: "100.00",
          inNetwork: { glassesAmounts: { "simple-simple": "300.00" }, frameMax: "100.00" },
        },
      },
    }),
    profile: oneLineProfile({ category: "glasses-class-b", perYear: 1, price: "500.00", framePrice: "200.00", inNetwork: true }),
    expected: { price: "340.00", secu: "0.09", mutuelle: "279.91", rac: "60.00" },
  },
  {
    name: "Réseau de soins : aucun effet sur un médecin (loi Le Roux)",
    offer: testOffer({ network: NETWORK }),
    profile: oneLineProfile({ category: "gp", perYear: 1, sector: "2-optam", price: "35.00" }),
    expected: { price: "35.00", secu: "19.00", mutuelle: "9.00", rac: "7.00" },
  },
  {
    name: "Réseau de soins : aucun effet sur une couronne 100 % Santé",
    offer: testOffer({ network: NETWORK }),
    profile: oneLineProfile({ category: "crown-100-sante", perYear: 1, inNetwork: true }),
    expected: { price: "500.00", secu: "72.00", mutuelle: "428.00", rac: "0.00" },
  },
  {
    name: "Réseau de soins : −10 % sur une couronne à tarif libre",
    // 557 → 557 − 55,70 = 501,30 ; mutuelle 100 % : 48.
    offer: testOffer({ network: NETWORK }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 1, price: "557.00", inNetwork: true }),
    expected: { price: "501.30", secu: "72.00", mutuelle: "48.00", rac: "381.30" },
  },
  {
    name: "Réseau de soins : prix remisé sous la BR, la Sécu rembourse sur le prix payé",
    // Couronne à 100 € − 10 % = 90 € < BR 120 : Sécu 60 % × 90 = 54 ; mutuelle min(120, 90) − 54 = 36.
    offer: testOffer({ network: NETWORK }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 1, price: "100.00", inNetwork: true }),
    expected: { price: "90.00", secu: "54.00", mutuelle: "36.00", rac: "0.00" },
  },
  {
    name: "Couronne 100 % Santé, contrat non responsable à 100 % BR : pas de reste à charge zéro",
    offer: testOffer({ responsable: false }),
    profile: oneLineProfile({ category: "crown-100-sante", perYear: 1 }),
    expected: { price: "500.00", secu: "72.00", mutuelle: "48.00", rac: "380.00" },
  },
  {
    name: "Soins dentaires à 60 %",
    offer: testOffer(),
    profile: oneLineProfile({ category: "dental-care", perYear: 1, price: "30.00" }),
    expected: { price: "30.00", secu: "18.00", mutuelle: "12.00", rac: "0.00" },
  },
  {
    name: "Orthodontie d'un enfant de 12 ans : BR 193,50 € par semestre à 100 %",
    offer: testOffer({ percent: 200 }),
    profile: oneLineProfile({ category: "orthodontics", perYear: 1, price: "700.00" }, { age: 12 }),
    expected: { price: "700.00", secu: "193.50", mutuelle: "193.50", rac: "313.00" },
  },
  {
    name: "Orthodontie d'un adulte : non remboursée par la Sécu",
    offer: testOffer({ percent: 200 }),
    profile: oneLineProfile({ category: "orthodontics", perYear: 1, price: "700.00" }, { age: 30 }),
    expected: { price: "700.00", secu: "0.00", mutuelle: "0.00", rac: "700.00" },
  },
  {
    name: "Aide auditive classe I : 100 % Santé à 950 € par oreille",
    offer: testOffer(),
    profile: oneLineProfile({ category: "hearing-aid-class-1", perYear: 2 }),
    expected: { price: "1900.00", secu: "480.00", mutuelle: "1420.00", rac: "0.00" },
  },
  {
    name: "Aide auditive classe II : l'offre promet 2 000 €, plafond légal de 1 700 € par oreille",
    offer: testOffer({ guarantees: { "hearing-aids": { forfait: { amount: "2000.00", per: "equipment", includesSecu: true } } } }),
    profile: oneLineProfile({ category: "hearing-aid-class-2", perYear: 1, price: "2000.00" }),
    expected: { price: "2000.00", secu: "240.00", mutuelle: "1460.00", rac: "300.00" },
    reasons: { "legal-cap": "300.00" },
  },
  {
    name: "Plafond annuel de 300 € partagé par deux couronnes, dans l'ordre des soins",
    // Par couronne : TM 48 toujours payé + 240 sur le plafond ; 2e couronne : 60 restants.
    offer: testOffer({ percent: 300, ceilings: [DENTAL_CEILING] }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }),
    expected: { price: "1114.00", secu: "144.00", mutuelle: "396.00", rac: "574.00" },
    reasons: { "beyond-guarantee": "394.00", "ceiling-reached": "180.00" },
  },
  {
    name: "Plafond annuel, contrat non responsable : le ticket modérateur est aussi plafonné",
    offer: testOffer({ percent: 300, responsable: false, ceilings: [DENTAL_CEILING] }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }),
    expected: { price: "1114.00", secu: "144.00", mutuelle: "300.00", rac: "670.00" },
  },
  {
    name: "Plafond réduit à 100 € la première année",
    offer: testOffer({ percent: 300, ceilings: [{ ...DENTAL_CEILING, firstYearAmount: "100.00" }] }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }),
    expected: { price: "1114.00", secu: "144.00", mutuelle: "196.00", rac: "774.00" },
  },
  {
    name: "Plafond en année d'adhésion : nouvelle enveloppe à l'anniversaire du contrat",
    // Adhésion au 1er juillet 2026, année de soins 2027 : couronnes en avril et en octobre.
    offer: testOffer({ percent: 300, ceilings: [{ ...DENTAL_CEILING, period: "membership" }] }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }, {}, "2026-07-01"),
    year: 2027,
    expected: { price: "1114.00", secu: "144.00", mutuelle: "576.00", rac: "394.00" },
  },
  {
    name: "Plafond en année civile, même situation : une seule enveloppe",
    offer: testOffer({ percent: 300, ceilings: [DENTAL_CEILING] }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }, {}, "2026-07-01"),
    year: 2027,
    expected: { price: "1114.00", secu: "144.00", mutuelle: "396.00", rac: "574.00" },
  },
  {
    name: "Délai de carence de 6 mois : la couronne d'avril n'est pas remboursée par la mutuelle",
    offer: testOffer({ percent: 300, guarantees: { "dental-prosthesis": { percentBr: 300, waitingMonths: 6 } } }),
    profile: oneLineProfile({ category: "crown-free-price", perYear: 2, price: "557.00" }),
    expected: { price: "1114.00", secu: "144.00", mutuelle: "288.00", rac: "682.00" },
    reasons: { "beyond-guarantee": "394.00", "waiting-period": "288.00" },
  },
  {
    name: "Lentilles : forfait annuel de 100 € pour deux boîtes à 150 €",
    offer: testOffer({ guarantees: { "contact-lenses": { forfait: { amount: "100.00", per: "year" } } } }),
    profile: oneLineProfile({ category: "contact-lenses", perYear: 2, price: "150.00" }),
    expected: { price: "300.00", secu: "0.00", mutuelle: "100.00", rac: "200.00" },
    reasons: { "ceiling-reached": "200.00" },
  },
  {
    name: "Comptage du scénario : 0,5 paire de lunettes par an compte pour une paire",
    offer: testOffer(),
    profile: oneLineProfile({ category: "glasses-100-sante", perYear: 0.5 }),
    expected: { price: "400.00", secu: "227.40", mutuelle: "172.60", rac: "0.00" },
  },
  {
    name: "Comptage du scénario : 0,4 consultation par an n'en compte aucune",
    offer: testOffer(),
    profile: oneLineProfile({ category: "gp", perYear: 0.4 }),
    expected: { price: "0.00", secu: "0.00", mutuelle: "0.00", rac: "0.00" },
  },
];

describe("Règles de remboursement, scénarios recalculés à la main", () => {
  test.each(CASES)("$name", ({ offer, profile, year, expected, reasons }) => {
    const quote = scenarioOf(offer, profile, year === undefined ? {} : { year });
    expect(quote.scenario).toMatchObject(expected);
    if (reasons) expect(reasonsOf(quote)).toEqual(reasons);
  });
});

describe("Participation forfaitaire : 4 par jour pour un même professionnel, pas de plafond entre professionnels", () => {
  test("généraliste, analyses et radiologue le même jour : 3 × 2 €", () => {
    const profile = profileSchema.parse({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [
        {
          label: "Assuré",
          age: 40,
          care: [
            { category: "gp", perYear: 1, price: "30.00" },
            { category: "lab-test", perYear: 1, price: "20.00" },
            { category: "imaging", perYear: 1, br: "40.00", price: "40.00" },
          ],
        },
      ],
    });
    const quote = scenarioOf(testOffer(), profile, { breakdown: true });
    expect(quote.scenario.rac).toBe("6.00");
    const acts = quote.breakdown!.flatMap((b) => b.categories.flatMap((c) => c.lines.flatMap((l) => l.acts)));
    expect(new Set(acts.map((a) => a.date)).size).toBe(1);
    expect(acts.map((a) => a.rac)).toEqual(["2.00", "2.00", "2.00"]);
  });

  test("cinq consultations du même médecin le même jour : quatre participations (8 €), la cinquième n'en a pas", () => {
    const compiled = compileProfile(oneLineProfile({ category: "gp", perYear: 1 }));
    // Five acts a day all year: the schedule puts acts 0–4 on the first day.
    const schedule = scheduleYear(compiled, [5 * 365]);
    const firstDay = schedule.acts[0]!.filter((act) => act.day === compiled.periodStart);
    expect(firstDay.map((act) => act.deduction)).toEqual([200, 200, 200, 200, 0]);
    // 50 € a year at most: 25 participations, reached on the seventh day (4 × 6 + 1).
    expect(schedule.acts[0]!.reduce((sum, act) => sum + act.deduction, 0)).toBe(5000);
  });

  test("le plafond de 50 € par an de la participation est distinct de celui des franchises", () => {
    const profile = profileSchema.parse({
      startDate: "2026-01-01",
      department: "75",
      beneficiaries: [
        {
          label: "Assuré",
          age: 40,
          care: [
            { category: "gp", perYear: 30, price: "30.00" },
            { category: "pharmacy-65", perYear: 60, price: "10.00" },
          ],
        },
      ],
    });
    expect(reasonsOf(scenarioOf(testOffer(), profile))).toMatchObject({ "participation-forfaitaire": "50.00", franchise: "50.00" });
  });
});
