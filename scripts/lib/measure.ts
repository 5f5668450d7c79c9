import os from "node:os";

/** One decimal, as the JSON reports give milliseconds and rates. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The 1, 5 and 15-minute load averages, two decimals: what else the machine was doing. */
export const loadAverage = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);
