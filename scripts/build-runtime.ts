// `npm run build:runtime -- DIR`: after `npm run build`, the production image's runtime
// stage in DIR (the Dockerfile copies it; scripts/lib/runtime-image.ts says what it holds).
import { assembleRuntime } from "./lib/runtime-image";

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("Usage : npm run build:runtime -- DOSSIER");
  process.exit(2);
}
const packages = assembleRuntime(outDir);
console.log(`Serveur autonome et migrations dans ${outDir} (${packages.length} paquets pour prisma migrate deploy).`);
