import { isJustAboveCeiling, type CssOption, type CssResult } from "@/lib/engine/css";
import { CSS_SOURCES } from "@/lib/engine/reference/css-fr";
import { formatCount, formatEuros, formatIsoDate } from "@/lib/format";

function PeriodNote({ css }: { css: CssResult }) {
  return (
    <p className="muted small" data-testid="css-period">
      Plafonds de métropole (ils sont plus élevés dans les départements d’outre-mer) en vigueur du {formatIsoDate(css.period.from)} au{" "}
      {formatIsoDate(css.period.to)}.
      {!css.periodConfirmed &&
        " Les plafonds revalorisés au 1er avril 2026 n’ont pas pu être vérifiés : ceux de la période précédente sont utilisés ; près du plafond, vérifiez avec le simulateur d’ameli."}
    </p>
  );
}

/**
 * The Complémentaire santé solidaire above the ranking, when the household's resources
 * were given: clearly the public cover, not an insurer's offer; its cost, what it would
 * leave to pay for the profile, how it is modelled and how to ask for it.
 */
export function CssCard({ css }: { css: CssResult }) {
  if (css.status === "above") {
    // Just above: a short line, as resources move; far above: nothing, unless overseas where the ceilings are higher.
    if (!isJustAboveCeiling(css) && !css.overseas) return null;
    return (
      <section className="card" aria-label="Complémentaire santé solidaire" data-testid="css-above">
        <p>
          Vos ressources ({formatEuros(css.resources)}) dépassent le plafond de métropole de la Complémentaire santé solidaire pour{" "}
          {formatCount(css.persons, "personne")} ({formatEuros(css.participationCeiling)} par an).{" "}
          {css.overseas
            ? "Dans les départements d’outre-mer, les plafonds sont plus élevés : vérifiez avec le simulateur de votre caisse d’assurance maladie."
            : "Elle ne vous est pas ouverte aujourd’hui ; si vos ressources baissent, pensez-y."}
        </p>
        <PeriodNote css={css} />
      </section>
    );
  }
  return <CssOptionCard css={css} />;
}

function CssOptionCard({ css }: { css: CssOption }) {
  const free = css.status === "free";
  return (
    <section className="card css-card" aria-labelledby="css-title" data-testid="css-card">
      <h2 id="css-title">
        Complémentaire santé solidaire : {free ? "gratuite pour votre foyer" : `${formatEuros(css.monthlyParticipation)} par mois pour votre foyer`}
      </h2>
      <p>
        Ce n’est pas l’offre d’un assureur : c’est la complémentaire santé publique de l’Assurance Maladie pour les ressources
        modestes. Avec {formatEuros(css.resources)} de ressources pour {formatCount(css.persons, "personne")} (les bénéficiaires du
        profil), votre foyer est sous le plafond de {formatEuros(free ? css.freeCeiling : css.participationCeiling)} par an{" "}
        {free ? "de la version gratuite" : "de la version avec participation"} : c’est probablement votre option la moins chère.
      </p>
      <dl className="key-figures">
        <div>
          <dt>Participation annuelle</dt>
          <dd data-testid="css-participation">{free ? "Gratuite" : formatEuros(css.annualParticipation)}</dd>
        </div>
        <div>
          <dt>Reste à charge attendu</dt>
          <dd data-testid="css-rac">{formatEuros(css.expectedRac)}</dd>
        </div>
        <div>
          <dt>Mauvaise année (9 sur 10)</dt>
          <dd>{formatEuros(css.badYearRac)}</dd>
        </div>
        <div>
          <dt>Coût total attendu</dt>
          <dd data-testid="css-total">{formatEuros(css.totalCost)}</dd>
        </div>
      </dl>
      {!free && (
        <ul className="small">
          {css.participations.map((person, index) => (
            <li key={index}>
              {person.label} ({formatCount(person.age, "an")}) : {formatEuros(person.monthly)} par mois
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Comment ce reste à charge est calculé</summary>
        <ul className="small">
          <li>
            Les médecins ne peuvent pas vous facturer de dépassement d’honoraires (sauf exigence particulière de votre part) : les
            consultations sont comptées au tarif de la Sécurité sociale
            {css.substitutions.atTariff > 0 && `, y compris ${formatCount(css.substitutions.atTariff, "soin")} de votre profil prévu avec un dépassement`}
            . L’orthodontie d’un enfant commencée avant 16 ans respecte les tarifs limites de la CSS, qui la prend en charge : rien à
            payer.
          </li>
          <li>Ni participation forfaitaire de 2 €, ni franchise médicale ; le forfait journalier de l’hôpital est pris en charge.</li>
          <li>
            Lunettes, couronnes et aides auditives sont comptées dans le panier 100 % Santé, sans reste à charge
            {css.substitutions.inBasket > 0 && ` (${formatCount(css.substitutions.inBasket, "équipement")} de votre profil à prix libre)`}.
            Si vous choisissez un équipement hors de ce panier, la CSS rembourse peu au-delà du tarif de la Sécurité sociale : il
            vous restera davantage à payer.
          </li>
          <li>
            Ce que la Sécurité sociale ne rembourse pas (chambre particulière, médecines douces, implants dentaires, psychologue hors
            Mon soutien psy) reste à votre charge.
          </li>
          <li>La participation dépend de l’âge de chacun au 1er janvier : l’âge indiqué dans le profil est utilisé.</li>
        </ul>
      </details>
      <p>
        <strong>Pour la demander</strong> : depuis votre{" "}
        <a href={CSS_SOURCES.ameliRequest} rel="noreferrer">
          compte ameli, rubrique « Mes démarches »
        </a>
        , ou avec le{" "}
        <a href={CSS_SOURCES.request} rel="noreferrer">
          formulaire de demande
        </a>{" "}
        à envoyer à votre caisse d’assurance maladie. Un seul dossier pour tout le foyer ; la caisse répond dans les deux mois.
      </p>
      <PeriodNote css={css} />
    </section>
  );
}
