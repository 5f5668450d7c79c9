/** What "attendu" and "année saisie" mean, in the words the results, explanation and side-by-side pages use. */
export function ExpectedAndEnteredNote() {
  return (
    <div className="muted" data-testid="expected-note">
      <p>
        <strong>Attendu</strong> : ce que vous paierez en moyenne sur une année, le nombre de chaque soin variant autour de ce que
        vous avez indiqué (une couronne « 0,3 fois par an » compte pour 0,3 couronne en moyenne). C’est ce chiffre qui classe les
        offres.
      </p>
      <p>
        <strong>Année saisie</strong> : une année où chaque soin a lieu exactement le nombre de fois indiqué, arrondi à l’acte
        entier (0,3 couronne n’en compte aucune, 0,5 paire de lunettes en compte une). Le détail acte par acte suit cette année-là.
      </p>
    </div>
  );
}
