import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The action link of the mail (sign-in link…), kept apart in outbox files for tests. */
  link?: string;
}

let transport: ReturnType<typeof nodemailer.createTransport> | undefined;

function sender(): string {
  return `Reste à charge <no-reply@${new URL(env().APP_URL).hostname}>`;
}

/**
 * Sends a mail through SMTP when SMTP_URL is set; otherwise writes it, whole, as a JSON
 * file in MAIL_OUTBOX_DIR (local use and tests read it there). Either way the mail really
 * goes somewhere, or this throws: nothing is printed, nothing pretends to be sent.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const { SMTP_URL, MAIL_OUTBOX_DIR } = env();
  if (SMTP_URL) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    const info = await transport.sendMail({ from: sender(), to: message.to, subject: message.subject, text: message.text, html: message.html });
    if (info.rejected && info.rejected.length > 0) throw new Error("the SMTP server rejected the recipient");
    return;
  }
  await writeToOutbox(MAIL_OUTBOX_DIR, message);
}

async function writeToOutbox(directory: string, message: MailMessage): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`;
  const file = path.join(directory, name);
  const body = JSON.stringify({ from: sender(), ...message, createdAt: new Date().toISOString() }, null, 2);
  // Written aside then renamed: a reader polling the folder never sees half a mail.
  await writeFile(`${file}.tmp`, body, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}
