import type { Metadata } from "next";
import Link from "next/link";
import { publicSources } from "@/components/method/sources";
import { CSS_SOURCES } from "@/lib/engine/reference/css-fr";
import { REFERENCE } from "@/lib/engine";

export const metadata: Metadata = { title: "Comment nous calculons" };

export default function MethodPage() {
  return (
    <article className="prose">
      <h1>Comment nous calculons</h1>
      <p>
        Pour chaque soin que vous prévoyez, nous appliquons les règles de remboursement de l’Assurance maladie puis les garanties
        de chaque offre, et nous additionnons l’année. Barème utilisé : <strong>{REFERENCE.version}</strong>.
      </p>
      <h2>La part de la Sécurité sociale</h2>
      <ul>
        <li>
          Elle rembourse un pourcentage de la <strong>base de remboursement</strong> (BR) : 70 % pour une consultation, 60 %
          pour les analyses, le dentaire, l’optique et l’audition, 65/30/15 % pour les médicaments, 80 % à l’hôpital ; 90 % pour
          les consultations en Alsace-Moselle.
        </li>
        <li>
          La BR dépend du secteur du médecin : un médecin de secteur 2 non OPTAM a une BR plus basse, un médecin de secteur 3
          un « tarif d’autorité » de quelques centimes.
        </li>
        <li>
          La <strong>participation forfaitaire</strong> de 2 € par consultation, analyse ou radio reste à votre charge : au plus
          4 par jour chez un même professionnel (un généraliste, un laboratoire et un radiologue le même jour font donc 3 × 2 €),
          et 50 € par an au plus. Les <strong>franchises</strong> (1 € par boîte de médicaments ou par acte paramédical, au plus
          4 € par jour chez un même kinésithérapeute ou infirmier) ont leur propre plafond de 50 € par an. Un contrat
          responsable n’a pas le droit de les rembourser. Les mineurs et les bénéficiaires de la CSS en sont exonérés.
        </li>
        <li>
          Sans médecin traitant déclaré (hors accès direct : gynécologue, ophtalmologiste…), la Sécu ne rembourse que 30 %, et
          cette pénalité n’est jamais remboursée par la mutuelle.
        </li>
      </ul>
      <h2>Les soins sans médecin</h2>
      <ul>
        <li>
          <strong>Psychologue, dispositif Mon soutien psy</strong> : 50 € la séance, sans dépassement, remboursée à 60 % par la
          Sécu, 12 séances par année civile ; un contrat responsable paie les 40 % restants. Au-delà de 12 séances, et chez un
          psychologue hors dispositif, seule la mutuelle peut rembourser (souvent un forfait par séance, limité en nombre).
        </li>
        <li>
          <strong>Kinésithérapeute, infirmier, orthophoniste, orthoptiste</strong> : 60 % du tarif, avec une franchise de 1 € par
          acte (pas de participation de 2 €).
        </li>
        <li>
          <strong>Dentiste</strong> : consultation à 23 € remboursée à 60 %, sans participation forfaitaire.{" "}
          <strong>Implants, orthodontie après 16 ans, lentilles de confort</strong> : la Sécu ne rembourse rien, seul un forfait
          de la mutuelle paie. Les lentilles prescrites pour certaines maladies (forte myopie, kératocône…) ont un forfait de
          39,48 € par œil et par an remboursé à 60 %.
        </li>
        <li>
          Nos barèmes couvrent les soins du 1er janvier 2026 au 31 décembre 2027 : une autre période est refusée plutôt que
          calculée avec les chiffres d’une autre année.
        </li>
      </ul>
      <h2>La part de la mutuelle</h2>
      <ul>
        <li>
          « 200 % BR » inclut la part de la Sécu : la mutuelle paie au plus 200 % de la BR, moins ce que la Sécu a remboursé
          (avant la déduction des 2 €).
        </li>
        <li>
          Un contrat responsable plafonne la prise en charge des dépassements des médecins non OPTAM à 100 % de la BR (200 % au
          total) et 20 points de moins que pour les médecins OPTAM ; l’optique est plafonnée (420 € à 800 € selon les verres,
          monture 100 €). Nous appliquons ces plafonds même si une offre annonce davantage.
        </li>
        <li>
          Forfaits en euros, plafonds annuels (consommés dans l’ordre des soins), délais de carence depuis la date d’effet et
          réseaux de soins (remises en optique, dentaire et audition, jamais chez le médecin) sont pris en compte.
        </li>
        <li>Les équipements 100 % Santé ne laissent rien à payer sous un contrat responsable, jusqu’aux prix limites de vente.</li>
      </ul>
      <h2>Reste à charge attendu et mauvaise année</h2>
      <p>
        Le nombre de soins d’une année est incertain. En plus de l’année saisie, nous calculons le reste à charge{" "}
        <strong>attendu</strong> (la moyenne quand le nombre de chaque soin varie autour de ce que vous avez indiqué, selon une
        loi de Poisson) et celui d’une <strong>mauvaise année</strong> (9 années sur 10 coûtent moins). Les plafonds rendent ces
        chiffres différents d’une simple multiplication.
      </p>
      <p>
        Le détail d’une offre donne ce chiffre attendu pour chaque soin, à côté de l’année saisie : un soin prévu 0,3 fois par an
        n’apparaît pas dans l’année saisie (arrondie à l’acte entier) mais compte pour 0,3 fois son coût dans l’attendu. Quand
        plusieurs soins partagent un plafond de la mutuelle ou le plafond annuel de 50 € des participations, ce qui est payé est
        réparti entre eux au prorata de ce que chacun demande ; la somme des soins fait le reste à charge attendu, au centime.
      </p>
      <h2>La Complémentaire santé solidaire</h2>
      <p>
        Si vous indiquez les ressources annuelles de votre foyer (facultatif), le comparateur vérifie si la Complémentaire santé
        solidaire vous est ouverte : le foyer compte les bénéficiaires du profil, et les ressources ne doivent pas dépasser le
        plafond de la version gratuite ou de la version avec participation (de 8 € à 30 € par mois et par personne selon l’âge).
        Les plafonds sont ceux de métropole, datés et revalorisés chaque 1er avril ; quand ceux de la période de votre contrat ne
        sont pas encore connus ici, la carte le dit. Ces ressources ne sont ni enregistrées ni mises dans le lien à partager.
      </p>
      <p>
        Son reste à charge est calculé par le même moteur que les offres : pas de dépassement d’honoraires (les médecins
        appliquent le tarif de la Sécurité sociale ; l’orthodontie d’un enfant, dans les tarifs limites de la CSS), ni participation forfaitaire ni franchise, le ticket modérateur et le forfait
        journalier payés, les équipements 100 % Santé sans reste à charge (lunettes, couronnes et aides auditives à prix libres
        sont supposées choisies dans ce panier), et rien pour ce que la Sécurité sociale ne rembourse pas.
      </p>
      <SourceList sources={publicSources(CSS_SOURCES)} />
      <h2>Le catalogue de démonstration</h2>
      <p>
        Les assureurs et les formules présentés ici sont <strong>fictifs</strong> : ils illustrent le calcul et ne sont pas des
        offres commerciales. Les règles et les montants de la Sécurité sociale sont, eux, ceux en vigueur.
      </p>
      <h2>Sources</h2>
      <SourceList sources={publicSources()} />
      <p>
        <Link href="/comparer">Comparer les offres pour votre année</Link>
      </p>
    </article>
  );
}

/** A list of sources, each a link to its page. */
function SourceList({ sources }: { sources: readonly { href: string; title: string }[] }) {
  return (
    <ul className="sources">
      {sources.map((source) => (
        <li key={source.href}>
          <a href={source.href} rel="noreferrer">
            {source.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
