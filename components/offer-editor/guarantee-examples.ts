import type { GuaranteeCategory } from "@/lib/schemas/care-category";

/**
 * How a line of a tableau de garanties is usually printed, and where it goes in the form:
 * a person copying a PDF reads the words of their insurer, not the catalogue's fields.
 */
export const GUARANTEE_EXAMPLES: Record<GuaranteeCategory, string> = {
  "doctor-gp": "« 200 % BR » : taux 200, part Sécu incluse. « TM + 100 % BR » : taux 100, lecture « ticket modérateur + x % ». « 100 % BR » : taux 100.",
  "doctor-specialist": "« 200 % BR OPTAM / 180 % BR non OPTAM » : taux 200 et taux non OPTAM 180. « TM + 100 % BR » : taux 100, lecture « ticket modérateur + x % ».",
  "lab-imaging": "« 100 % BR » : taux 100. « 150 % BR » : taux 150.",
  pharmacy: "« 100 % BR » ou « 100 % TM » : taux 100.",
  "hospital-daily-charge": "« Forfait journalier : frais réels » : cochez « frais réels ».",
  "private-room": "« Chambre particulière : 50 € par jour » : forfait de 50 € par jour. « Non couvert » : laissez vide.",
  "surgeon-fees": "« Honoraires chirurgicaux 200 % BR » : taux 200 (taux non OPTAM si le tableau en donne un).",
  "heavy-act-charge": "« Participation forfaitaire actes lourds : frais réels » : cochez « frais réels ».",
  glasses: "« Verres simples : 200 € par équipement, monture 100 € » : montants par verres et plafond monture, part Sécu incluse. « 150 € par an » : forfait de 150 € par an.",
  "contact-lenses": "« Lentilles : 150 € par an » : forfait de 150 € par an. « 100 % BR » : taux 100.",
  "dental-care": "« Soins dentaires 100 % BR » : taux 100.",
  "dental-prosthesis": "« Couronne 300 % BR » : taux 300. « Prothèses : 250 % BR hors Sécu » : taux 250, lecture « en plus de la Sécu ».",
  orthodontics: "« Orthodontie acceptée : 200 % BR » : taux 200.",
  "hearing-aids": "« Aide auditive classe II : 1 200 € par oreille » : forfait de 1 200 € par équipement, part Sécu incluse.",
  "alternative-medicine": "« Médecines douces : 4 séances × 30 € par an » : forfait de 30 € par acte, 4 par an.",
  psychologist: "« Mon soutien psy : ticket modérateur » : taux 100. « Psychologue hors dispositif : 30 € par séance, 4 par an » : forfait en plus.",
  paramedical: "« Kinésithérapie, infirmiers : 100 % BR » : taux 100.",
  "dental-implants": "« Implantologie : forfait 300 € par implant » : forfait de 300 € par équipement (nombre par an si le tableau le limite).",
};
