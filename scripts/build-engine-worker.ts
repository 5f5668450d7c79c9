// `npm run build`, after `next build`: the engine's worker thread (scripts/lib/next-build.ts).
import { buildEngineWorker } from "./lib/next-build";

await buildEngineWorker();
