import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { callAction, cookieHeader, readServerActions, signInOverHttp, type ServerAction } from "../../scripts/lib/server-actions";
import { emailSchema } from "../../lib/auth/email-address";
import { blankOwnOffer } from "../../lib/own-offers/blank-own-offer";
import { offerSchema } from "../../lib/schemas/offer";
import { profileSchema } from "../../lib/schemas/profile";
import { createPasswordUser, type SystemUser } from "./support/users";
import { startApp, startDatabase, type AppProcess, type TestDatabase } from "./support/system";

/**
 * Bad input, at scale: fast-check sends generated malformed requests to every server
 * action of the build (read from its manifest), as anonymous, as a user and as an admin,
 * and to the route handlers. No answer may be a 500, show a stack trace or SQL, or carry
 * another user's data; afterwards that user's rows and the catalogue are unchanged and the
 * server still serves pages.
 *
 * Replay a failure with the seed and path fast-check prints (FUZZ_SEED=… reruns every
 * property from another seed); FUZZ_SCALE=10 sends ten times as many requests;
 * FUZZ_TRACE=1 writes each request to stderr, between the server's own log lines.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Requests per (action × identity): about 2 900 requests in all, some 30 s on a 2-core machine. */
const RUNS_PER_ACTION = Math.round(40 * SCALE);
const RUNS = (n: number) => Math.round(n * SCALE);
const TRACE = process.env.FUZZ_TRACE === "1";

function trace(line: string): void {
  if (TRACE) process.stderr.write(`[fuzz] ${line.slice(0, 300)}\n`);
}

/** The actions of today's build: a shorter list means the manifest reading broke, a longer one is fine. */
const KNOWN_ACTIONS = [
  "compareAction",
  "signUpAction",
  "confirmSignUpAction",
  "requestPasswordResetAction",
  "resetPasswordAction",
  "changePasswordAction",
  "saveProfileAction",
  "renameProfileAction",
  "duplicateProfileAction",
  "deleteProfileAction",
  "rerunProfileAction",
  "deleteAccountAction",
  "saveOfferAction",
  "setOfferStatusAction",
  "duplicateOfferAction",
  "previewOfferAction",
  "saveInsurerAction",
  "deleteInsurerAction",
  "importCatalogueAction",
  "exportCatalogueAction",
  "saveOwnOfferAction",
  "deleteOwnOfferAction",
];
const PUBLIC_ACTIONS = new Set(["compareAction", "signUpAction", "confirmSignUpAction", "requestPasswordResetAction", "resetPasswordAction"]);

const ACTIONS = readServerActions();

// ── What must never show ─────────────────────────────────────────────────────────────────
const STACK_TRACE = /\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules|webpack|turbopack/g;
const SQL_OR_ORM = /SELECT |INSERT |UPDATE |DELETE FROM|prisma|P20\d\d|relation "|violates|syntax error/gi;

/**
 * A page's shell names Next's own files and tags: its Turbopack runtime chunk
 * (/_next/static/chunks/turbopack-….js, `globalThis["TURBOPACK"]`) and the form's
 * <select> elements. Those are not leaks; the rest of the page, the RSC payload
 * included, is checked as is.
 */
function withoutPageShell(body: string): string {
  return body
    .replace(/\/_next\/static\/[^"'\s)]*/g, "/_next/static/…")
    .replace(/globalThis\[\\?"TURBOPACK[\w]*\\?"\]/g, "globalThis[…]")
    .replace(/<\/?select\b/gi, "<…");
}

// ── The world: a database, the app, an admin, user A and user B with data that must not leak ──
let database: TestDatabase;
let app: AppProcess;
let outbox: string;
let admin: SystemUser;
let userA: SystemUser;
let userB: SystemUser;
let cookies: { anonymous: undefined; user: string; admin: string };
let bSessionToken: string;
let anonymousCsrf: { cookie: string; token: string };
let offerId: string;
const tag = randomUUID().slice(0, 8);
const B_PROFILE_NAME = `Profil-B-${tag}`;
const B_JSON_MARKER = `B-json-${tag}`;
const bProfileIds = [`fuzz-b-${randomUUID()}`, `fuzz-b-${randomUUID()}`];
/** B's own offer (a devis B entered): an owned row, found absent by anyone but B. */
const bOwnOfferId = `perso-${randomUUID().replaceAll("-", "").slice(0, 24)}`;
const B_OWN_OFFER_MARKER = `Devis-B-${tag}`;
let markers: string[];
let before: Awaited<ReturnType<typeof snapshot>>;
let requestCount = 0;
const statusCounts = new Map<number, number>();
/** What the server printed: an uncaught exception shows there only, never in a status code. */
let serverOutput = "";
const startedAt = Date.now();

const PROFILE = {
  startDate: "2026-01-01",
  department: "75",
  beneficiaries: [{ label: "Adulte", age: 40, care: [{ category: "gp", perYear: 4 }] }],
};

beforeAll(async () => {
  database = await startDatabase();
  outbox = mkdtempSync(path.join(os.tmpdir(), "rac-fuzz-outbox-"));
  app = await startApp(database.url, { MAIL_OUTBOX_DIR: outbox }, { onOutput: (chunk) => (serverOutput += chunk) });
  [admin, userA, userB] = await Promise.all([createPasswordUser(database, "ADMIN"), createPasswordUser(database), createPasswordUser(database)]);
  for (const [index, id] of bProfileIds.entries()) {
    const profile = { ...PROFILE, beneficiaries: [{ ...PROFILE.beneficiaries[0], label: `${B_JSON_MARKER}-${index}` }] };
    await database.query(`INSERT INTO "SavedProfile" ("id", "userId", "name", "profile", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, now(), now())`, [
      id,
      userB.id,
      `${B_PROFILE_NAME}-${index}`,
      JSON.stringify(profile),
    ]);
  }
  await database.query(
    `INSERT INTO "Offer" ("id", "ownerId", "ownInsurerName", "formula", "level", "responsable", "status", "currentContractSince", "updatedAt")
     VALUES ($1, $2, $3, $3, 1, true, 'DRAFT', '2025-01-01', now())`,
    [bOwnOfferId, userB.id, B_OWN_OFFER_MARKER],
  );
  cookies = {
    anonymous: undefined,
    user: await signInOverHttp(app.baseUrl, userA.email, userA.password),
    admin: await signInOverHttp(app.baseUrl, admin.email, admin.password),
  };
  // B is signed in somewhere: the fuzzer gets B's session cookie only broken.
  const bCookie = await signInOverHttp(app.baseUrl, userB.email, userB.password);
  bSessionToken = /next-auth\.session-token=([^;]+)/.exec(bCookie)![1]!;
  const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
  anonymousCsrf = { cookie: cookieHeader(csrf.headers.getSetCookie()), token: ((await csrf.json()) as { csrfToken: string }).csrfToken };
  offerId = (await database.query<{ id: string }>(`SELECT "id" FROM "Offer" ORDER BY "id" LIMIT 1`))[0]!.id;
  markers = [userB.email, B_PROFILE_NAME, B_JSON_MARKER, userB.id, ...bProfileIds, bOwnOfferId, B_OWN_OFFER_MARKER];
  before = await snapshot();
});

afterAll(async () => {
  const statuses = [...statusCounts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(" ");
  console.log(`[fuzz] ${requestCount} requests in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (seed ${SEED}, scale ${SCALE}): ${statuses}`);
  await app?.kill();
  await database?.remove();
  if (outbox) rmSync(outbox, { recursive: true, force: true });
});

/** B's rows and the catalogue, as plain JSON for an exact comparison. */
async function snapshot() {
  const [user] = await database.query(`SELECT * FROM "User" WHERE "id" = $1`, [userB.id]);
  const profiles = await database.query(`SELECT * FROM "SavedProfile" WHERE "userId" = $1 ORDER BY "id"`, [userB.id]);
  const ownOffers = await database.query(`SELECT * FROM "Offer" WHERE "ownerId" = $1 ORDER BY "id"`, [userB.id]);
  // The catalogue's offers: A may well save own offers of A's while fuzzed.
  const [counts] = await database.query(
    `SELECT (SELECT count(*) FROM "Session" WHERE "userId" = $1)::int AS "bSessions",
            (SELECT count(*) FROM "Offer" WHERE "ownerId" IS NULL)::int AS "offers",
            (SELECT count(*) FROM "Insurer")::int AS "insurers",
            (SELECT count(*) FROM "OfferAuditEntry")::int AS "auditEntries",
            (SELECT "revision"::text FROM "CatalogueRevision" WHERE "id" = 1) AS "catalogueRevision",
            (SELECT count(*) FROM "User" WHERE "role" = 'ADMIN')::int AS "admins"`,
    [userB.id],
  );
  return JSON.parse(JSON.stringify({ user, profiles, ownOffers, counts })) as unknown;
}

// ── Sending and checking ─────────────────────────────────────────────────────────────────
interface Answer {
  status: number;
  body: string;
  /** Headers that could carry text back (a redirect's target). */
  headers: string;
}

/** Every response: below 500, no stack trace, no SQL, none of B's data that the request did not itself contain. */
function expectClean(label: string, sent: string, answer: Answer): void {
  statusCounts.set(answer.status, (statusCounts.get(answer.status) ?? 0) + 1);
  const where = `${label} → HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  // Echoing what the attacker sent (a query string in a redirect…) is not a leak.
  const notSent = (found: string) => !sent.includes(found);
  const text = withoutPageShell(`${answer.headers}\n${answer.body}`);
  expect([...text.matchAll(STACK_TRACE)].map(([found]) => found).filter(notSent), `stack trace in ${where}`).toEqual([]);
  expect([...text.matchAll(SQL_OR_ORM)].map(([found]) => found).filter(notSent), `SQL in ${where}`).toEqual([]);
  // B's e-mail, profile names and JSON marker are never sent; B's ids are, where ids go.
  expect(markers.filter((marker) => `${answer.headers}\n${answer.body}`.includes(marker) && notSent(marker)), `B's data in ${where}`).toEqual([]);
}

async function request(url: string, init: RequestInit): Promise<Answer> {
  requestCount++;
  trace(`${init.method ?? "GET"} ${url} ${JSON.stringify(init.headers)} ${String(init.body ?? "")}`);
  const response = await fetch(`${app.baseUrl}${url}`, { redirect: "manual", signal: AbortSignal.timeout(30_000), ...init });
  const headers = ["location", "x-action-redirect"].map((name) => response.headers.get(name) ?? "").join("\n");
  return { status: response.status, body: await response.text(), headers };
}

type Identity = keyof typeof cookies;
const IDENTITIES: Identity[] = ["anonymous", "user", "admin"];

/** A generated call of an action: its arguments as the client would post them, or a raw body and headers. */
type ActionCall = { kind: "args"; args: unknown[] } | { kind: "raw"; body: string; headers: Record<string, string> };

function describeCall(call: ActionCall): string {
  return call.kind === "args" ? JSON.stringify(call.args) : `${JSON.stringify(call.headers)} ${call.body}`;
}

function pageOf(action: ServerAction): string {
  return action.page.replace("[offerId]", encodeURIComponent(offerId));
}

async function sendAction(action: ServerAction, call: ActionCall, identity: Identity, page = pageOf(action)): Promise<Answer & { value: unknown; sent: string }> {
  requestCount++;
  trace(`${action.name} ${identity} ${page} ${describeCall(call)}`);
  const cookie = cookies[identity];
  const response =
    call.kind === "args"
      ? await callAction(app.baseUrl, action, call.args, { cookie, page })
      : await callAction(app.baseUrl, action, [], { cookie, page, body: call.body, headers: call.headers });
  return { ...response, headers: "", sent: `${page} ${describeCall(call)}` };
}

/** Runs a property from a seed of its own (the file's seed and its name), so one replays without the others. */
async function check<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => Promise<void>): Promise<void> {
  let seed = SEED;
  for (const char of name) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { seed, numRuns, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true });
}

// ── Generators ───────────────────────────────────────────────────────────────────────────
/** The keys of a zod schema, nested ones included: the wrong-shaped objects are built from them. */
function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === "object") {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(child);
      }
    }
    for (const field of ["innerType", "element", "in", "out", "valueType", "left", "right"]) walk(def[field]);
    if (Array.isArray(def.options)) def.options.forEach(walk);
  };
  walk(schema);
  return [...keys];
}

const PROFILE_KEYS = schemaKeys(profileSchema);
const OFFER_KEYS = schemaKeys(offerSchema);
const INSURER_KEYS = ["name", "kind", "registrationNumber", "illustrative"];

/**
 * Each action's input keys (from app/**\/actions.ts): `id` keys get B's real ids among
 * other values, `nested` keys get objects built from that schema's keys. An action
 * missing here (a new one) gets every key.
 */
type KeyKind = "id" | "value" | "profile" | "offer" | "insurer";
const ACTION_KEYS: Record<string, Record<string, KeyKind>> = {
  compareAction: { profile: "profile", sort: "value", budget: "value", networkOnly: "value", noWaiting: "value", responsableOnly: "value", page: "value", pageSize: "value" },
  signUpAction: { email: "value", password: "value" },
  confirmSignUpAction: { token: "value" },
  requestPasswordResetAction: { email: "value" },
  resetPasswordAction: { token: "value", password: "value" },
  changePasswordAction: { currentPassword: "value", newPassword: "value" },
  saveProfileAction: { name: "value", encodedProfile: "value", profile: "profile" },
  renameProfileAction: { id: "id", name: "value" },
  duplicateProfileAction: { id: "id" },
  deleteProfileAction: { id: "id" },
  rerunProfileAction: { id: "id", sort: "value" },
  deleteAccountAction: { confirmEmail: "value" },
  saveOfferAction: { offer: "offer", expectedVersion: "value", validFrom: "value", validTo: "value" },
  setOfferStatusAction: { id: "id", status: "value", expectedVersion: "value" },
  duplicateOfferAction: { sourceId: "id", id: "id", formula: "value" },
  previewOfferAction: Object.fromEntries(OFFER_KEYS.map((key) => [key, key === "id" ? "id" : "value"])),
  saveInsurerAction: { id: "id", insurer: "insurer" },
  deleteInsurerAction: { id: "id" },
  importCatalogueAction: { text: "value", dryRun: "value" },
  exportCatalogueAction: {},
};
const ALL_KEYS: Record<string, KeyKind> = Object.assign({}, ...Object.values(ACTION_KEYS));

/**
 * Valid inputs to corrupt one part of, only where a valid call cannot touch B or the
 * catalogue: a comparison, a save to the caller's own account, and B's profile ids
 * offered to actions that must find them absent for anyone but B.
 */
const TEMPLATES: Record<string, () => unknown> = {
  compareAction: () => ({ profile: PROFILE, sort: "total" }),
  saveProfileAction: () => ({ name: "Profil fuzz", profile: PROFILE }),
  renameProfileAction: () => ({ id: bProfileIds[0], name: "Renommé par le fuzz" }),
  duplicateProfileAction: () => ({ id: bProfileIds[0] }),
  deleteProfileAction: () => ({ id: bProfileIds[1] }),
  rerunProfileAction: () => ({ id: bProfileIds[0], sort: "rac" }),
  saveOwnOfferAction: () => ({ id: bOwnOfferId, offer: { ...blankOwnOffer(), insurer: { name: "Fuzz" }, formula: "Volé" }, currentContractSince: "2026-01-01" }),
  deleteOwnOfferAction: () => ({ id: bOwnOfferId }),
};

const NASTY_STRINGS = [
  "", " ", "NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-0", "0x1F", "١٢٣", "null", "undefined", "true", "[]", "{}",
  "[object Object]", "2026-02-30", "0000-00-00", "9999-12-31T25:61:61Z", "$", "$$", "$1", "$@0", "$Q1", "$undefined",
  "$NaN", "$D", "$nxx", "' OR '1'='1", "'; DROP TABLE \"User\"; --", "\\", "\"", "<script>alert(1)</script>",
  "../../etc/passwd", "%00", "%", "\u0000", "\u202e", "\ud800", "🙂".repeat(40), "a@b.fr\r\nBcc: x@evil.example",
  "victime@exemple.fr, attaquant@evil.example", "${7*7}", "{{7*7}}", "__proto__", "constructor", "toString", "rac", "total",
  "DRAFT", "PUBLISHED", "ARCHIVED", "gp", "75", "2A",
];
const NASTY_NUMBERS = [0, -0, -1, 1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 366.0000001];
const KEYS_TO_TRY = [...new Set([...Object.keys(ALL_KEYS), ...PROFILE_KEYS, ...OFFER_KEYS, ...INSURER_KEYS])];

const bId = () => fc.constantFrom(userB.id, ...bProfileIds, bOwnOfferId);
const longString = fc.constantFrom(81, 101, 255, 321, 5_000, 100_000).chain((length) =>
  fc.constantFrom("x", "é", "🙂", "$", "\\").map((unit) => unit.repeat(length).slice(0, length)),
);
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  longString,
  fc.emailAddress(),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const key = fc.oneof(fc.constantFrom(...KEYS_TO_TRY, "__proto__", "constructor", "prototype", "$$typeof", ""), fc.string({ maxLength: 8 }));
/** An object with own `__proto__` / `constructor` keys when drawn (Object.fromEntries defines them, unlike a literal). */
const objectOf = (entry: fc.Arbitrary<[string, unknown]>) => fc.array(entry, { maxLength: 5 }).map((entries) => Object.fromEntries(entries));
const deepNesting = fc.tuple(fc.integer({ min: 2, max: 400 }), fc.boolean(), scalar).map(([depth, arrays, leaf]) => {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
  return value;
});
const { value: badValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie("value"), { maxLength: 5 }), weight: 1 },
    { arbitrary: objectOf(fc.tuple(key, tie("value"))), weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
  ),
}));

const NESTED_KEYS: Partial<Record<KeyKind, string[]>> = { profile: PROFILE_KEYS, offer: OFFER_KEYS, insurer: INSURER_KEYS };

function valueFor(kind: KeyKind): fc.Arbitrary<unknown> {
  if (kind === "id") return fc.oneof(bId(), badValue);
  const nested = NESTED_KEYS[kind];
  if (!nested) return badValue;
  return fc.oneof(badValue, objectOf(fc.tuple(fc.constantFrom(...nested, "__proto__"), fc.oneof(badValue, bId()))));
}

/** An object with the action's own keys, each missing or of a wrong type, and maybe keys it does not have. */
function wrongShape(name: string): fc.Arbitrary<unknown> {
  const keys = ACTION_KEYS[name] ?? ALL_KEYS;
  const model = Object.fromEntries(Object.entries(keys).map(([field, kind]) => [field, valueFor(kind)]));
  return fc.tuple(fc.record(model, { requiredKeys: [] }), objectOf(fc.tuple(key, badValue))).map(([own, extra]) =>
    Object.assign(Object.fromEntries(Object.entries(extra)), own),
  );
}

/** A valid input with one of its parts replaced by a bad value, or removed. */
function corrupted(template: () => unknown): fc.Arbitrary<unknown> {
  return fc.tuple(fc.nat(), badValue, fc.boolean()).map(([pick, replacement, remove]) => {
    const value = template() as Record<string, unknown>;
    const copy = structuredClone(value);
    const paths: (string | number)[][] = [];
    const collect = (node: unknown, at: (string | number)[]) => {
      if (at.length) paths.push(at);
      if (node && typeof node === "object") for (const [k, child] of Object.entries(node)) collect(child, [...at, Array.isArray(node) ? Number(k) : k]);
    };
    collect(copy, []);
    const target = paths[pick % paths.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const step of target.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = target[target.length - 1]!;
    if (remove) delete parent[last];
    else parent[last] = replacement;
    return copy;
  });
}

const BOUNDARY = "----fuzz7MA4YWxkTrZu0gW";
const multipartJunk = fc
  .tuple(fc.constantFrom("0", "1", "$ACTION_ID_abc", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_KEY", "x"), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('["$1"]', "[{}]", '{"id":"x","bound":"$@1"}')), fc.boolean())
  .map(([name, value, closed]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}${closed ? `\r\n--${BOUNDARY}--\r\n` : ""}`);
const CONTENT_TYPES = [
  "text/plain;charset=UTF-8",
  `multipart/form-data; boundary=${BOUNDARY}`,
  "multipart/form-data",
  "application/json",
  "application/octet-stream",
  "application/x-www-form-urlencoded",
  "text/plain; charset=latin1",
  "Multipart/Form-Data; boundary=x",
];
const ORIGINS = fc.constantFrom<Record<string, string>>({}, {}, {}, { origin: "https://evil.example" }, { origin: "null" }, { origin: "n'importe quoi" });

/** Bodies the client never sends: random text, truncated JSON, React references, multipart junk, too big, too deep. */
function rawBody(name: string): fc.Arbitrary<ActionCall> {
  const body = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(..."[]{}\",:$@0123456789.-eEtrufalsn \\"), maxLength: 40 }),
    fc.tuple(wrongShape(name), fc.nat()).map(([value, cut]) => {
      const json = JSON.stringify([value]) ?? "";
      return json.slice(0, cut % Math.max(json.length, 1));
    }),
    fc.constant(""),
    fc.constantFrom('["$1"]', '["$@1"]', '["$Q1"]', '["$K1"]', '["$h1"]', '["$T"]', '["$nxx"]', '["$", "$F1"]', '"abc"', "42", "null", '{"a":1}'),
    fc.integer({ min: 1000, max: 1200 }).map((count) => JSON.stringify(Array(count).fill(0))),
    fc.integer({ min: 65, max: 6000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
    fc.constantFrom(1_048_577, 1_200_000).map((size) => JSON.stringify(["x".repeat(size)])),
    multipartJunk,
  );
  return fc
    .tuple(body, fc.constantFrom(...CONTENT_TYPES), ORIGINS)
    .map(([text, contentType, origin]) => ({ kind: "raw", body: text, headers: { "content-type": contentType, ...origin } }) as const);
}

function actionCall(name: string): fc.Arbitrary<ActionCall> {
  const single = fc.oneof(
    { arbitrary: fc.jsonValue(), weight: 2 },
    { arbitrary: wrongShape(name), weight: 4 },
    { arbitrary: badValue, weight: 2 },
    ...(TEMPLATES[name] ? [{ arbitrary: corrupted(TEMPLATES[name]), weight: 4 }] : []),
  );
  const args = fc.oneof(
    { arbitrary: single.map((value) => [value]), weight: 8 },
    { arbitrary: fc.array(single, { maxLength: 4 }).filter((list) => list.length !== 1), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: args.map((list) => ({ kind: "args", args: list }) as const), weight: 3 },
    { arbitrary: rawBody(name), weight: 1 },
  );
}

/** B's session cookie, broken so that it decodes to different bytes (never only re-encoded: that would still be B). */
const brokenBToken = () =>
  fc.oneof(
    fc.nat().map((cut) => bSessionToken.slice(0, cut % (bSessionToken.length - 1))),
    fc.tuple(fc.nat(), fc.constantFrom(..."ABCabc0129-_")).map(([at, char]) => {
      const parts = bSessionToken.split(".");
      const cipher = parts[3]!;
      const index = at % (cipher.length - 1);
      parts[3] = cipher.slice(0, index) + (cipher[index] === char ? (char === "A" ? "B" : "A") : char) + cipher.slice(index + 1);
      return parts.join(".");
    }),
    fc.constantFrom(
      bSessionToken.split(".").slice(1).join("."),
      bSessionToken.split(".").reverse().join("."),
      `${bSessionToken}.AAAA`,
      `${Buffer.from('{"alg":"none"}').toString("base64url")}.${bSessionToken.split(".").slice(1).join(".")}`,
    ),
  );
const garbageCookie = () =>
  fc.oneof(
    brokenBToken().map((token) => `next-auth.session-token=${token}`),
    brokenBToken().map((token) => `__Secure-next-auth.session-token=${token}`),
    brokenBToken().map((token) => `next-auth.session-token.0=${token.slice(0, 40)}; next-auth.session-token.1=${token.slice(40, -3)}`),
    fc.string({ maxLength: 200 }).map((token) => `next-auth.session-token=${encodeURIComponent(token)}`),
    fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, "")),
    fc.constantFrom("next-auth.session-token=", "next-auth.session-token", "=;=;", `next-auth.csrf-token=${"a".repeat(5000)}`),
  );

// ── The properties ───────────────────────────────────────────────────────────────────────
describe("fuzzing every server action and route handler", () => {
  it("the build's manifest lists every known action", () => {
    expect([...ACTIONS.keys()]).toEqual(expect.arrayContaining(KNOWN_ACTIONS));
  });

  it.each([...ACTIONS.keys()].sort())("action %s: generated payloads as anonymous, user and admin", async (name) => {
    const action = ACTIONS.get(name)!;
    await Promise.all(
      IDENTITIES.map((identity) =>
        check(`${name}/${identity}`, actionCall(name), RUNS_PER_ACTION, async (call) => {
          const answer = await sendAction(action, call, identity);
          expectClean(`${name} as ${identity}`, answer.sent, answer);
          // Whatever the input, only an allowed caller ever gets a success.
          const ok = (answer.value as { ok?: unknown } | undefined)?.ok === true;
          if (identity === "anonymous" && !PUBLIC_ACTIONS.has(name)) expect(ok, `${name} succeeded signed out`).toBe(false);
          if (identity === "user" && action.page.startsWith("/admin")) expect(ok, `${name} succeeded without the ADMIN role`).toBe(false);
        }),
      ),
    );
  });

  it("whatever React's own client encodes passes the proxy and reaches the action", async () => {
    const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
      encodeReply: (value: unknown) => Promise<string | FormData>;
    };
    const value = fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withNullPrototype: false, key: fc.string({ maxLength: 6 }).filter((k) => k !== "__proto__") });
    const arbitrary = fc.tuple(fc.constantFrom(...ACTIONS.keys()), fc.constantFrom(...IDENTITIES), value);
    await check("encodeReply", arbitrary, RUNS(120), async ([name, identity, argument]) => {
      const body = await encodeReply([argument]);
      fc.pre(typeof body === "string");
      const answer = await sendAction(ACTIONS.get(name)!, { kind: "raw", body: body as string, headers: {} }, identity);
      expectClean(`${name} as ${identity}`, answer.sent, answer);
      expect(answer.status, `${name}: ${answer.body.slice(0, 200)}`).toBe(200);
      expect(answer.value, `${name}: ${answer.body.slice(0, 200)}`).toMatchObject({ ok: expect.any(Boolean) });
    });
  });

  it("unknown action ids, and actions posted to the wrong page", async () => {
    const realIds = [...ACTIONS.values()].map((action) => action.id);
    const unknownId = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{40,42}$/),
      fc.string({ maxLength: 50 }).map((text) => text.replace(/[^\x21-\x7e]/g, "")),
      fc.tuple(fc.constantFrom(...realIds), fc.nat(), fc.constantFrom(..."0f")).map(([id, at, char]) => {
        const index = at % id.length;
        return id.slice(0, index) + (id[index] === char ? (char === "0" ? "1" : "0") : char) + id.slice(index + 1);
      }),
      fc.constantFrom("toString", "__proto__", "constructor", "hasOwnProperty", "", "null", `${realIds[0]}x`),
    );
    const pages = [
      ...new Set([...ACTIONS.values()].map(pageOf)),
      "/",
      "/comment-nous-calculons",
      "/comparer/cote-a-cote",
      "/comparer/offre/inconnue",
      `/comparer/offre/${encodeURIComponent(offerId)}`,
      "/connexion",
      "/admin",
      "/admin/offres/inconnue",
      "/nulle-part",
      "/api/auth/session",
      "/api/auth/callback/credentials",
      "/compte/export",
      "/_next/static/nothing.js",
      "/favicon.ico",
    ];
    const simpleArgs = fc.oneof(wrongShape("unknown").map((value): unknown[] => [value]), fc.constant<unknown[]>([{}]));
    await Promise.all([
      check("unknown-ids", fc.tuple(unknownId, fc.constantFrom(...pages), fc.constantFrom(...IDENTITIES), simpleArgs), RUNS(80), async ([id, page, identity, args]) => {
        fc.pre(!realIds.includes(id));
        const answer = await sendAction({ id, name: "unknown", page }, { kind: "args", args }, identity, page);
        expectClean(`unknown id ${JSON.stringify(id)} on ${page}`, answer.sent, answer);
      }),
      check("wrong-pages", fc.tuple(fc.constantFrom(...ACTIONS.keys()), fc.constantFrom(...pages), fc.constantFrom(...IDENTITIES), simpleArgs), RUNS(120), async ([name, page, identity, args]) => {
        const answer = await sendAction(ACTIONS.get(name)!, { kind: "args", args }, identity, page);
        expectClean(`${name} on ${page} as ${identity}`, answer.sent, answer);
      }),
    ]);
  });

  it("next-auth's routes: random paths, queries, methods, bodies and cookies", async () => {
    const segment = fc.oneof(
      fc.constantFrom("signin", "signout", "callback", "csrf", "session", "providers", "verify-request", "error", "_log", "credentials", "email", "google"),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.constantFrom("%", "%E0%A4%A", "%C0%80", "..", "%2e%2e", "%2F", "~", "%00", "é", "x".repeat(1000)),
    );
    // Kept under 1 000 characters: Next's trailing-slash redirect echoes the URL twice in its
    // headers, and past 16 kB fetch gives up on the answer (HeadersOverflowError), not the server.
    const queryValue = fc.oneof(scalar.map((value) => String(value).slice(0, 1000)), bId(), fc.constantFrom("javascript:alert(1)", "https://evil.example", "//evil.example/x", "/compte", "true"));
    const queryKey = fc.oneof(fc.constantFrom("callbackUrl", "error", "token", "email", "csrf", "provider", "json", "redirect", "level", "code"), fc.string({ maxLength: 8 }));
    const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((entries) => (entries.length ? `?${new URLSearchParams(entries)}` : ""));
    const fields = fc.array(
      fc.tuple(fc.constantFrom("csrfToken", "email", "password", "callbackUrl", "json", "redirect", "level", "code", "message", "__proto__"), fc.oneof(scalar, bId(), fc.constant("true"))),
      { maxLength: 6 },
    );
    // The anonymous CSRF pair lets a body past next-auth's CSRF check, to reach the providers;
    // it is never sent with A's session cookie, so no generated sign-out can end A's session.
    const csrfMode = fc.constantFrom("none", "valid", "valid", "junk");
    const body = fc.oneof(
      fields.map((list) => ({ type: "application/x-www-form-urlencoded", entries: list })),
      fields.map((list) => ({ type: "application/json", entries: list })),
      fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom(...CONTENT_TYPES)).map(([raw, type]) => ({ type, raw })),
    );
    const cookie = fc.oneof(fc.constant<string | undefined>(undefined), fc.constant(cookies.user), garbageCookie());
    const arbitrary = fc.record({
      method: fc.constantFrom("GET", "GET", "POST", "POST", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"),
      path: fc.array(segment, { minLength: 0, maxLength: 4 }).map((segments) => `/api/auth/${segments.join("/")}`),
      query,
      body,
      csrf: csrfMode,
      cookie,
      forwardedFor: fc.option(fc.ipV4(), { nil: undefined }),
    });
    await check("next-auth", arbitrary, RUNS(500), async (input) => {
      const withCsrf = input.csrf === "valid" && input.cookie !== cookies.user;
      const headers: Record<string, string> = {};
      const cookieParts = [input.cookie, withCsrf ? anonymousCsrf.cookie : undefined].filter(Boolean);
      if (cookieParts.length) headers.cookie = cookieParts.join("; ");
      if (input.forwardedFor) headers["x-forwarded-for"] = input.forwardedFor;
      let payload: string | undefined;
      if (input.method !== "GET" && input.method !== "HEAD") {
        headers["content-type"] = input.body.type;
        if ("raw" in input.body) payload = input.body.raw;
        else {
          const entries = input.body.entries.map(([name, value]) => [name, String(value)] as [string, string]);
          if (input.csrf !== "none") entries.push(["csrfToken", withCsrf ? anonymousCsrf.token : "junk"]);
          payload = input.body.type === "application/json" ? JSON.stringify(Object.fromEntries(entries)) : new URLSearchParams(entries).toString();
        }
      }
      const url = `${input.path}${input.query}`;
      const answer = await request(url, { method: input.method, headers, body: payload });
      expectClean(`${input.method} ${url}`, `${url} ${JSON.stringify(headers)} ${payload ?? ""}`, answer);
    });
  });

  it("/compte/export: A's own data only, nothing for a forged or broken cookie", async () => {
    const arbitrary = fc.record({
      method: fc.constantFrom("GET", "GET", "GET", "POST", "HEAD", "DELETE"),
      query: fc.oneof(fc.constant(""), fc.webQueryParameters().map((text) => `?${text}`), bId().map((id) => `?userId=${id}&id=${id}`)),
      cookie: fc.oneof({ arbitrary: fc.constant<string | undefined>(cookies.user), weight: 1 }, { arbitrary: fc.constant<string | undefined>(undefined), weight: 1 }, { arbitrary: garbageCookie(), weight: 4 }),
    });
    await check("export", arbitrary, RUNS(150), async ({ method, query, cookie }) => {
      const url = `/compte/export${query}`;
      const answer = await request(url, { method, headers: cookie ? { cookie } : {} });
      expectClean(`${method} ${url} (${cookie === cookies.user ? "A" : cookie ? "forged" : "no"} cookie)`, `${url} ${cookie ?? ""}`, answer);
      if (method === "GET" && cookie !== cookies.user) expect(answer.status, `${url} with ${cookie}`).toBe(401);
      if (method === "GET" && cookie === cookies.user) expect(JSON.parse(answer.body)).toMatchObject({ user: { email: userA.email } });
    });
  });

  it("then: B's rows and the catalogue are unchanged, no mail went to an address list, and the server still serves pages", async () => {
    expect(await snapshot()).toEqual(before);
    expect(serverOutput.match(/.*(uncaughtException|unhandledRejection).*/g) ?? [], "the server's log").toEqual([]);
    const recipients = readdirSync(outbox)
      .filter((file) => file.endsWith(".json"))
      .map((file) => (JSON.parse(readFileSync(path.join(outbox, file), "utf8")) as { to: string }).to);
    for (const to of recipients) expect(emailSchema.safeParse(to).success, `a mail went to ${JSON.stringify(to)}`).toBe(true);
    expect(app.alive()).toBe(true);
    const home = await request("/", {});
    expect(home.status).toBe(200);
  });
});
