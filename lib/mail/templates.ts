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
    "Voici votre lien de connexion à Reste à charge. Il ne sert qu’une fois et expire le " + until + ".",
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

/** After a sign-up that created the account. */
export function welcomeMail(to: string, signInUrl: string): MailMessage {
  const lines = [
    "Bonjour,",
    "Votre compte Reste à charge est créé. Connectez-vous avec votre adresse e-mail et le mot de passe choisi.",
    "Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message ou écrivez-nous.",
  ];
  return { to, subject: "Votre compte Reste à charge", text: `${lines.join("\n\n")}\n\n${signInUrl}\n`, html: layout(lines, { href: signInUrl, label: "Me connecter" }), link: signInUrl };
}

/**
 * After a sign-up with an address that already has an account: the page said the same as
 * for a new address (no enumeration), the owner learns here what happened.
 */
export function existingAccountMail(to: string, signInUrl: string): MailMessage {
  const lines = [
    "Bonjour,",
    "Quelqu’un vient de demander la création d’un compte Reste à charge avec votre adresse, qui en a déjà un. Aucun compte n’a été créé et votre mot de passe n’a pas changé.",
    "Si c’était vous, connectez-vous avec votre mot de passe, ou demandez un lien de connexion par e-mail si vous l’avez oublié. Sinon, ignorez ce message.",
  ];
  return { to, subject: "Votre compte Reste à charge existe déjà", text: `${lines.join("\n\n")}\n\n${signInUrl}\n`, html: layout(lines, { href: signInUrl, label: "Me connecter" }), link: signInUrl };
}
