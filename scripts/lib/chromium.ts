// Debian's Chromium, the only browser these machines have (Playwright's own builds cannot
// be downloaded), and the flags it needs here: as root without a sandbox, and without the
// background connections that the closed network would refuse one by one.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
