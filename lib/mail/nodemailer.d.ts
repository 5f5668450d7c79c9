// nodemailer 7 ships no types and @types/nodemailer is not a dependency: the one call
// lib/mail makes, typed here.
declare module "nodemailer" {
  interface MailMessage {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }
  interface Transporter {
    sendMail(message: MailMessage): Promise<{ messageId: string; rejected?: unknown[] }>;
  }
  export function createTransport(url: string): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
