import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The SMTP path of lib/mail against a minimal SMTP server on loopback: proves the
 * installed nodemailer really hands the message over (envelope, headers, body).
 */
interface Received {
  envelope: string[];
  data: string;
}
const received: Received[] = [];
let server: net.Server;

function startSmtpServer(): Promise<number> {
  server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    const current: Received = { envelope: [], data: "" };
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push({ ...current });
            socket.write("250 queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
        else if (verb === "MAIL" || verb === "RCPT") {
          current.envelope.push(line);
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

beforeAll(async () => {
  const port = await startSmtpServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.DATABASE_URL ??= "postgresql://unused:unused@localhost:5432/unused";
  process.env.APP_URL = "https://rac.example";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sendMail over SMTP", () => {
  it("delivers the message to the SMTP server, sender from APP_URL", async () => {
    const { sendMail } = await import("@/lib/mail/send-mail");
    await sendMail({ to: "claire@exemple.fr", subject: "Votre lien de connexion", text: "Bonjour, voici votre lien.", html: "<p>Bonjour</p>" });
    expect(received).toHaveLength(1);
    expect(received[0]!.envelope).toEqual(["MAIL FROM:<no-reply@rac.example>", "RCPT TO:<claire@exemple.fr>"]);
    expect(received[0]!.data).toMatch(/^Subject: Votre lien de connexion$/m);
    expect(received[0]!.data).toMatch(/^To: claire@exemple\.fr$/m);
    expect(received[0]!.data).toContain("Bonjour, voici votre lien.");
  });
});
