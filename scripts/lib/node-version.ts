import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./next-build";

/** The lowest Node version package.json's `engines.node` (`>=X.Y`) accepts, as [major, minor]. */
export function requiredNode(enginesRange: string): [number, number] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(enginesRange.trim());
  if (!match) throw new Error(`engines.node inattendu dans package.json : ${enginesRange}`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

/** Whether `version` (`v24.22.3` or `24.22.3`) is at least `required`. */
export function isSupportedNode(version: string, required: [number, number]): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > required[0] || (major === required[0] && minor >= required[1]);
}

/**
 * Stops a script run by an older Node than the project supports, saying why. On Linux
 * (x64, arm64) npm installs the pinned Node (optional dependency node-linux-*), and npm
 * scripts run it from node_modules/.bin; elsewhere the machine's own Node must do.
 */
export function requireSupportedNode(): void {
  const { engines } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
  const required = requiredNode(engines.node);
  if (isSupportedNode(process.version, required)) return;
  console.error(
    `Node ${process.version} est trop ancien : ce projet demande Node ${required.join(".")} ou plus récent (${engines.node}). ` +
      "Lancez-le par `npm start` / `npm test` (qui utilisent le Node installé par `npm install` sous Linux), " +
      `ou installez Node ${required[0]} LTS sur cette machine.`,
  );
  process.exit(1);
}
