import { buildIfNeeded } from "../../scripts/lib/next-build";

/** The system tier runs the production build; `npm test` has usually built it for the e2e tier already. */
export default async function setup() {
  await buildIfNeeded({ ...process.env, NODE_ENV: "production" });
}
