import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SERVER_ENV, SERVER_NODE_FLAGS } from "@/scripts/lib/next-build";

describe("the server's memory settings are the same in the image as in npm start and the tests' servers", () => {
  const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const runtime = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));

  it("the image's command starts the server with the same Node flags", () => {
    const command = /^CMD (\[.*\])$/m.exec(runtime)![1]!;
    expect(command).toContain(`exec node ${SERVER_NODE_FLAGS.join(" ")} server.js`);
  });

  it("the image's environment sets the same allocator settings", () => {
    for (const [key, value] of Object.entries(SERVER_ENV)) expect(runtime).toMatch(new RegExp(`^ENV ${key}=${value}$`, "m"));
  });
});
