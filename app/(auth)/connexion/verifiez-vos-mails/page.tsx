import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Vérifiez vos e-mails" };

/** next-auth's "verify request" page, for a link request made without JavaScript. */
export default function CheckYourMailPage() {
  return (
    <>
      <h1>Vérifiez vos e-mails</h1>
      <p className="status" role="status">
        Si l’adresse saisie peut recevoir nos e-mails, un lien de connexion vient d’y être envoyé. Il est valable 15 minutes et ne
        sert qu’une fois.
      </p>
      <p>
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </>
  );
}
