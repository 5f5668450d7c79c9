// `npm run admin:create -- email`: gives an account the ADMIN role (created if absent).
// No password is ever set or kept unconfirmed here: see ensureAdmin and docs/admin.md.
import { ZodError } from "zod";
import { createPrismaClient } from "../lib/prisma-client";
import { ensureAdmin } from "./lib/ensure-admin";
import { openLocalDatabaseOrExit } from "./lib/local-database";

const [email] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!email) {
  console.error("Usage : npm run admin:create -- adresse@exemple.fr");
  process.exit(2);
}

// The same default as lib/env.ts: links follow the port the app is served on.
const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const database = await openLocalDatabaseOrExit("admin:create", { migrated: true });
const prisma = createPrismaClient(database.url);
let code = 0;
try {
  const { outcome, clearedUnverifiedPassword } = await ensureAdmin(prisma, email);
  const address = email.trim().toLowerCase();
  if (outcome === "created") console.log(`Compte administrateur créé pour ${address}, sans mot de passe.`);
  else if (outcome === "promoted") console.log(`Le compte ${address} existait : il a maintenant le rôle administrateur.`);
  else console.log(`Le compte ${address} est déjà administrateur.`);
  if (clearedUnverifiedPassword) {
    console.log("Son mot de passe n'avait jamais été confirmé depuis la boîte mail : il a été retiré et ses sessions fermées.");
  }
  console.log("Pour vous connecter :");
  console.log(`  - par lien : ouvrez ${appUrl}/connexion, saisissez ${address} dans « Par un lien envoyé par e-mail », puis ouvrez le lien reçu ;`);
  console.log(`  - par mot de passe : ouvrez ${appUrl}/inscription, saisissez ${address} et le mot de passe choisi, puis ouvrez le lien`);
  console.log("    de confirmation reçu par e-mail : le mot de passe fonctionne dès la confirmation (un compte qui a déjà un mot");
  console.log(`    de passe confirmé le garde ; oublié, il se remplace depuis ${appUrl}/connexion/mot-de-passe-oublie).`);
  console.log("  Sans SMTP_URL, les e-mails sont écrits dans .data/outbox.");
  console.log(`Administration : ${appUrl}/admin (déconnectez-vous puis reconnectez-vous si une session était ouverte).`);
} catch (error) {
  if (error instanceof ZodError) {
    console.error(`Adresse refusée : ${error.issues[0]?.message ?? "invalide"}.`);
    code = 2;
  } else {
    throw error;
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
process.exit(code);
