// The client side of `npm run load`, forked by scripts/load.ts into its own process so
// that sending requests and checking answers does not share the server's event loop.
// Closed loop: each of N connections sends a request, waits for the whole answer, and
// sends the next, until the cell's duration is over; requests still in flight then are
// awaited (up to the request timeout) and counted. Every latency is kept, so percentiles
// are exact (nearest rank on the sorted samples), not estimated from a histogram.
import http from "node:http";
import { loadAverage, round1 } from "./measure";
import { actionValue, isRanking } from "./server-actions";

export type LoadTarget =
  | { kind: "page"; url: string }
  /**
   * `rotate`: the setup's bodies in turn, continuing across cells, so no two requests of
   * a run carry the same profile until the list wraps; otherwise always the first body.
   */
  | { kind: "action"; url: string; actionId: string; rotate: boolean };

export interface CellRequest {
  type: "cell";
  id: number;
  target: LoadTarget;
  connections: number;
  durationMs: number;
  /** Not counted; at most two connections, so a slow scenario does not queue a long warm-up. */
  warmupMs: number;
  timeoutMs: number;
}

export interface SetupRequest {
  type: "setup";
  /** The compare action's argument arrays, already serialized. */
  bodies: string[];
}

export interface CellResult {
  connections: number;
  /** From the first request to the last answer, in-flight requests included. */
  elapsedS: number;
  requests: number;
  successes: number;
  /** Every finished request, errors included. */
  requestsPerSecond: number;
  successesPerSecond: number;
  /** Over every answered request (errors answered by the server included; timed-out requests are not in it), in ms. */
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** `network` by error code (ECONNRESET…), `status` by HTTP status, `action`: a 2xx that is not a ranking. */
  errors: { total: number; network: Record<string, number>; timeout: number; status: Record<string, number>; action: number };
  meanResponseBytes: number;
  /** The largest successful answer of the cell (0 when none succeeded): what the browser receives at worst (the RSC payload of an action). */
  maxResponseBytes: number;
  /** Distinct request bodies sent in the measured part (1 for a page). */
  distinctBodies: number;
  /** CPU the driver itself used, in % of one core: the server had the rest of the machine. */
  driverCpuPercent: number;
  loadAverageAtStart: number[];
}

export type DriverReply = { type: "result"; id: number; result: CellResult } | { type: "failed"; id: number; message: string };

type Outcome =
  | { kind: "ok"; ms: number; bytes: number }
  | { kind: "status"; ms: number; bytes: number; status: number }
  | { kind: "action"; ms: number; bytes: number }
  | { kind: "network"; code: string }
  | { kind: "timeout" };

let bodies: string[] = [];
let cursor = 0;
let sent = 0;

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function send(agent: http.Agent, target: LoadTarget, body: string | undefined, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const url = new URL(target.url);
    const headers: http.OutgoingHttpHeaders =
      target.kind === "action"
        ? {
            "next-action": target.actionId,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
            "content-length": Buffer.byteLength(body!),
            // A client address per request, as many visitors behind the reverse proxy would
            // send: the per-client comparison limit (lib/compare/comparison-rate-limit.ts)
            // is not what a load test measures.
            "x-forwarded-for": `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent++ & 255}`,
          }
        : { accept: "text/html" };
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: target.kind === "action" ? "POST" : "GET", headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "network", code: error.code ?? error.message }));
        response.on("end", () => {
          const ms = performance.now() - started;
          const payload = Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) return finish({ kind: "status", ms, bytes: payload.length, status });
          if (target.kind === "action" && !isRanking(actionValue(payload.toString("utf8")))) {
            return finish({ kind: "action", ms, bytes: payload.length });
          }
          finish({ kind: "ok", ms, bytes: payload.length });
        });
      },
    );
    // The socket is destroyed: the server may still finish the work, but this client stops waiting.
    const timer = setTimeout(() => {
      finish({ kind: "timeout" });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "network", code: error.code ?? error.message }));
    request.end(body);
  });
}

/** Runs `connections` closed loops for `durationMs`; returns every outcome and the elapsed time. */
async function drive(cell: CellRequest, connections: number, durationMs: number, nextBody: () => string | undefined) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Outcome[] = [];
  const sent = new Set<string>();
  const started = performance.now();
  const stopAt = started + durationMs;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < stopAt) {
          const body = nextBody();
          if (body !== undefined) sent.add(body);
          outcomes.push(await send(agent, cell.target, body, cell.timeoutMs));
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { outcomes, elapsedMs: performance.now() - started, distinctBodies: Math.max(1, sent.size) };
}

async function runCell(cell: CellRequest): Promise<CellResult> {
  const target = cell.target;
  const nextBody = (): string | undefined => {
    if (target.kind === "page") return undefined;
    return target.rotate ? bodies[cursor++ % bodies.length]! : bodies[0]!;
  };
  // Warm-up (code paths compiled, caches of the server filled); not counted.
  if (cell.warmupMs > 0) await drive(cell, Math.min(2, cell.connections), cell.warmupMs, nextBody);

  const loadAverageAtStart = loadAverage();
  const cpuBefore = process.cpuUsage();
  const { outcomes, elapsedMs, distinctBodies } = await drive(cell, cell.connections, cell.durationMs, nextBody);
  const cpu = process.cpuUsage(cpuBefore);

  const answered = outcomes.filter((outcome): outcome is Extract<Outcome, { ms: number }> => "ms" in outcome);
  const latencies = answered.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const status: Record<string, number> = {};
  const network: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.kind === "status") status[outcome.status] = (status[outcome.status] ?? 0) + 1;
    if (outcome.kind === "network") network[outcome.code] = (network[outcome.code] ?? 0) + 1;
  }
  const successes = outcomes.filter((outcome) => outcome.kind === "ok").length;
  return {
    connections: cell.connections,
    elapsedS: Math.round(elapsedMs) / 1000,
    requests: outcomes.length,
    successes,
    requestsPerSecond: round1((outcomes.length / elapsedMs) * 1000),
    successesPerSecond: round1((successes / elapsedMs) * 1000),
    latencyMs: {
      p50: round1(percentile(latencies, 50)),
      p95: round1(percentile(latencies, 95)),
      p99: round1(percentile(latencies, 99)),
      max: round1(latencies.at(-1) ?? 0),
      mean: round1(latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length)),
    },
    errors: {
      total: outcomes.length - successes,
      network,
      timeout: outcomes.filter((outcome) => outcome.kind === "timeout").length,
      status,
      action: outcomes.filter((outcome) => outcome.kind === "action").length,
    },
    meanResponseBytes: Math.round(answered.reduce((sum, outcome) => sum + outcome.bytes, 0) / Math.max(1, answered.length)),
    // An error's answer (a short refusal) says nothing of what a ranking weighs.
    maxResponseBytes: answered.reduce((max, outcome) => (outcome.kind === "ok" ? Math.max(max, outcome.bytes) : max), 0),
    distinctBodies,
    driverCpuPercent: round1(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100),
    loadAverageAtStart,
  };
}

// Only as a forked child: the parent sends the bodies, then one cell at a time.
if (process.send) {
  const reply = (message: DriverReply) => process.send!(message);
  process.on("message", (message: SetupRequest | CellRequest) => {
    if (message.type === "setup") {
      bodies = message.bodies;
      return;
    }
    runCell(message).then(
      (result) => reply({ type: "result", id: message.id, result }),
      (error: unknown) => reply({ type: "failed", id: message.id, message: String(error) }),
    );
  });
  // The parent gone, nothing is left to report to.
  process.on("disconnect", () => process.exit(0));
}
