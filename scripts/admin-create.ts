// `npm run admin:create -- email`: gives an account the ADMIN role (created if absent).
// No password is ever set here: see ensureAdmin and docs/admin.md.
import { ZodError } from "zod";
import { createPrismaClient } from "../lib/prisma-client";
import { ensureAdmin } from "./lib/ensure-admin";
import { openLocalDatabaseOrExit } from "./lib/local-database";

const [email] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!email) {
  console.error("Usage : npm run admin:create -- adresse@exemple.fr");
  process.exit(2);
}

const appUrl = process.env.APP_URL ?? "http://localhost:3000";
const database = await openLocalDatabaseOrExit("admin:create", { migrated: true });
const prisma = createPrismaClient(database.url);
let code = 0;
try {
  const outcome = await ensureAdmin(prisma, email);
  const address = email.trim().toLowerCase();
  if (outcome === "created") {
    console.log(`Compte administrateur créé pour ${address}, sans mot de passe.`);
    console.log("Pour vous connecter :");
    console.log(`  1. ouvrez ${appUrl}/connexion et saisissez ${address} ;`);
    console.log("  2. demandez un lien de connexion par e-mail et ouvrez-le (sans SMTP_URL, le message est écrit dans .data/outbox) ;");
    console.log("  3. si vous préférez un mot de passe, choisissez-le ensuite depuis le parcours de création de compte avec la même adresse.");
  } else if (outcome === "promoted") {
    console.log(`Le compte ${address} existait : il a maintenant le rôle administrateur.`);
    console.log(`Connectez-vous comme d'habitude sur ${appUrl}/connexion (déconnectez-vous puis reconnectez-vous si une session était ouverte), puis ouvrez ${appUrl}/admin.`);
  } else {
    console.log(`Le compte ${address} est déjà administrateur : rien à faire. Administration : ${appUrl}/admin.`);
  }
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
