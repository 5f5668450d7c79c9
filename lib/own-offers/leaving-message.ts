import { formatIsoDate } from "../format";
import type { LeavingOption } from "./leaving-date";

/** When the person can leave their current contract, in plain French with the dates computed. */
export function leavingMessage(option: LeavingOption): string {
  switch (option.kind) {
    case "any-time":
      return (
        "Vous pouvez résilier votre contrat actuel à tout moment, sans frais : la résiliation prend effet un mois après " +
        `que votre mutuelle a reçu votre demande, soit le ${formatIsoDate(option.effectiveIfToday)} si elle la reçoit aujourd’hui.`
      );
    case "at-anniversary":
      return (
        "Votre contrat actuel a moins d’un an : vous pouvez le quitter à sa date anniversaire, le " +
        `${formatIsoDate(option.anniversary)}, si votre mutuelle reçoit votre demande au plus tard le ${formatIsoDate(option.notifyBy)} ` +
        "(deux mois avant ; vérifiez la date d’échéance écrite sur votre contrat, parfois le 31 décembre)."
      );
    case "after-first-year":
      return (
        "Votre contrat actuel a moins d’un an et il est trop tard pour le préavis de deux mois avant sa date anniversaire : " +
        `à partir du ${formatIsoDate(option.anyTimeFrom)}, vous pourrez le résilier à tout moment, ` +
        `la résiliation prenant effet un mois après réception, soit le ${formatIsoDate(option.earliestEnd)} au plus tôt.`
      );
  }
}
