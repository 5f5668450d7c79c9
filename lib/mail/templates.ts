import type { MailMessage } from "./send-mail";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function layout(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  const button = link
    ? `<p><a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>`
    : "";
  return `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}${button}<p style="color:#555">Reste à charge</p></body></html>`;
}

/** The sign-in link of next-auth's e-mail provider. */
export function signInLinkMail(to: string, url: string, expires: Date): MailMessage {
  const until = expires.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
  const lines = [
    "Bonjour,",
    "Voici votre lien de connexion à Reste à charge. Il ne sert qu’une fois, expire le " + until + " et ne vaut plus si vous en demandez un autre. Ouvrez-le puis cliquez sur « Me connecter ».",
    "Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.",
  ];
  return {
    to,
    subject: "Votre lien de connexion à Reste à charge",
    text: `${lines.join("\n\n")}\n\n${url}\n`,
    html: layout(lines, { href: url, label: "Me connecter" }),
    link: url,
  };
}

function duration(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} heure${minutes > 60 ? "s" : ""}` : `${minutes} minutes`;
}

/** After a sign-up: the password works once this link is confirmed by the mailbox owner. */
export function confirmSignUpMail(to: string, confirmUrl: string, validMinutes: number): MailMessage {
  const lines = [
    "Bonjour,",
    `Pour terminer la création de votre compte Reste à charge, ouvrez ce lien puis confirmez (valable ${duration(validMinutes)}, une seule fois). Votre mot de passe fonctionnera dès la confirmation.`,
    "Si vous n’avez pas demandé à créer un compte, ignorez ce message : sans confirmation, le mot de passe choisi ne sert à rien.",
  ];
  return { to, subject: "Confirmez votre adresse e-mail", text: `${lines.join("\n\n")}\n\n${confirmUrl}\n`, html: layout(lines, { href: confirmUrl, label: "Confirmer mon adresse" }), link: confirmUrl };
}

/**
 * After a sign-up with an address whose account already has a password: the page said the
 * same as for a new address (no enumeration), the owner learns here what happened.
 */
export function existingAccountMail(to: string, signInUrl: string, resetUrl: string): MailMessage {
  const lines = [
    "Bonjour,",
    "Quelqu’un vient de demander la création d’un compte Reste à charge avec votre adresse, qui en a déjà un. Aucun compte n’a été créé et votre mot de passe n’a pas changé.",
    `Si c’était vous, connectez-vous avec votre mot de passe ou par un lien de connexion reçu par e-mail. Mot de passe oublié : ${resetUrl}`,
    "Sinon, ignorez ce message.",
  ];
  return { to, subject: "Votre compte Reste à charge existe déjà", text: `${lines.join("\n\n")}\n\n${signInUrl}\n`, html: layout(lines, { href: signInUrl, label: "Me connecter" }), link: signInUrl };
}

/** A password reset link (asked for on the sign-in page). */
export function resetPasswordMail(to: string, resetUrl: string, validMinutes: number): MailMessage {
  const lines = [
    "Bonjour,",
    `Pour choisir un nouveau mot de passe Reste à charge, ouvrez ce lien (valable ${duration(validMinutes)}, une seule fois). Toutes vos sessions ouvertes seront fermées.`,
    "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
  ];
  return { to, subject: "Choisir un nouveau mot de passe", text: `${lines.join("\n\n")}\n\n${resetUrl}\n`, html: layout(lines, { href: resetUrl, label: "Choisir un mot de passe" }), link: resetUrl };
}

/** After a password change or reset: the owner hears of it even if it was not them. */
export function passwordChangedMail(to: string, signInUrl: string): MailMessage {
  const lines = [
    "Bonjour,",
    "Le mot de passe de votre compte Reste à charge vient d’être changé, et les sessions ouvertes sur d’autres appareils ont été fermées.",
    "Si ce n’était pas vous, demandez tout de suite un lien de connexion ou un nouveau mot de passe depuis la page de connexion, et écrivez-nous.",
  ];
  return { to, subject: "Votre mot de passe a changé", text: `${lines.join("\n\n")}\n\n${signInUrl}\n`, html: layout(lines, { href: signInUrl, label: "Page de connexion" }), link: signInUrl };
}
