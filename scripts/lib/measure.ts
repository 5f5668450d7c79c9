import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** One decimal, as the JSON reports give milliseconds and rates. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The 1, 5 and 15-minute load averages, two decimals: what else the machine was doing. */
export const loadAverage = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);

/**
 * Resident memory in MB of a process and of every process it started (`next start` may
 * serve from a child), from /proc/<pid>/status (VmRSS); null where /proc is not there.
 */
export function processTreeRssMb(pid: number): { ownMb: number; treeMb: number } | null {
  const rssKb = (id: number): number | null => {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${id}/status`, "utf8"));
      return match ? Number(match[1]) : 0;
    } catch {
      return null;
    }
  };
  const own = rssKb(pid);
  if (own === null) return null;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 4th field, after the command name in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let treeKb = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const id = pending.pop()!;
    treeKb += rssKb(id) ?? 0;
    pending.push(...(children.get(id) ?? []));
  }
  return { ownMb: round1(own / 1024), treeMb: round1(treeKb / 1024) };
}
