/**
 * What the app's own client sends to a server action: React's `encodeReply` of plain data,
 * i.e. a JSON array of arguments in which a string starting with "$" is either escaped
 * ("$$…") or one of the self-contained values below. Every action of this app takes plain
 * data, so that is all the proxy lets through.
 *
 * Anything else makes React's `decodeReply` or Next's action handler throw before the
 * action runs (a reference to a form field that a text body cannot have, a root that is
 * not an array, too many arguments, nesting deeper than React's recursive reviver
 * survives…), and Next answers every such throw with an HTTP 500.
 */

/** Next's SERVER_ACTION_ARGS_LIMIT (next/dist/server/app-render/action-handler.js). */
const MAX_ARGUMENTS = 1000;
/** React's default `arraySizeLimit` of decodeReply (react-server-dom-turbopack). */
const ARRAY_SIZE_LIMIT = 1_000_000;
/** React's BigInt limit ("$n…"): 300 characters. */
const MAX_BIGINT_LENGTH = 300;
/** Far beyond any argument of this app (an offer is about 8 levels deep), far below a stack overflow. */
const MAX_DEPTH = 64;

/** Values React encodes as a whole string, with nothing to look up elsewhere. */
const SELF_CONTAINED = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

/** React's count of array slots under one root array (`bumpArrayCount`): a nested array that forks may not exceed it. */
interface ArrayBudget {
  count: number;
  fork: boolean;
}

/** Why `text` is not a reply the app's client could have sent, or null when it is one. */
export function actionReplyProblem(text: string): string | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return "the body is not JSON";
  }
  if (!Array.isArray(root)) return "the arguments are not an array";
  if (root.length > MAX_ARGUMENTS) return "too many arguments";
  return valueProblem(root, null, 0);
}

function valueProblem(value: unknown, budget: ArrayBudget | null, depth: number): string | null {
  if (depth > MAX_DEPTH) return "nested too deeply";
  if (typeof value === "string") return stringProblem(value, budget);
  if (Array.isArray(value)) {
    const own = budget ?? { count: 0, fork: false };
    if (value.length > 1) own.fork = true;
    if (overspent(own, value.length + 1)) return "arrays too large";
    for (const item of value) {
      const problem = valueProblem(item, own, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    // React drops "__proto__" keys and starts a new array budget under each object.
    for (const [key, item] of Object.entries(value)) {
      if (key === "__proto__") continue;
      const problem = valueProblem(item, null, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function stringProblem(value: string, budget: ArrayBudget | null): string | null {
  if (!value.startsWith("$")) return budget && overspent(budget, value.length) ? "arrays too large" : null;
  if (value.startsWith("$$")) return budget && overspent(budget, value.length - 1) ? "arrays too large" : null;
  if (SELF_CONTAINED.has(value) || value.startsWith("$D")) return null;
  if (/^\$n-?\d+$/.test(value)) {
    if (value.length - 2 > MAX_BIGINT_LENGTH) return "BigInt too large";
    return budget && overspent(budget, value.length - 2) ? "arrays too large" : null;
  }
  // "$1", "$@1", "$Q1", "$K1", "$h1", "$T"…: a reference to another part of a multipart
  // reply, a server reference or a client-only value, none of which the app sends.
  return "an unsupported reference";
}

function overspent(budget: ArrayBudget, slots: number): boolean {
  budget.count += slots;
  return budget.count > ARRAY_SIZE_LIMIT && budget.fork;
}
