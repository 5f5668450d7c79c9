import { describe, expect, it } from "vitest";
import { publicSources } from "@/components/method/sources";
import { CSS_SOURCES } from "@/lib/engine/reference/css-fr";

describe("the methodology page's sources", () => {
  const sources = publicSources();

  it("lists each public page once, labelled with its title, without internal file names", () => {
    expect(sources.length).toBeGreaterThan(5);
    expect(new Set(sources.map((source) => source.href)).size).toBe(sources.length);
    for (const source of sources) {
      expect(source.href).toMatch(/^https:\/\//);
      expect(source.title).not.toMatch(/https?:|\.md\b|DOMAIN|project/i);
    }
    expect(sources.map((source) => source.title)).toContain("Service-public.fr : participation forfaitaire et franchises médicales");
  });

  it("gives every source of the reference table a written title", () => {
    // A source added without a title would show its site and page name: write its title instead.
    for (const source of sources) expect(source.title, source.href).not.toMatch(/^[a-z.-]+\.(fr|gouv\.fr) : /);
  });

  it("titles the Complémentaire santé solidaire's sources too, none shared with the reste-à-charge table's", () => {
    const css = publicSources(CSS_SOURCES);
    expect(css.length).toBeGreaterThanOrEqual(5);
    for (const source of css) expect(source.title, source.href).not.toMatch(/^[a-z.-]+\.(fr|gouv\.fr) : [a-z]/);
    const shared = css.filter((source) => sources.some((other) => other.href === source.href));
    expect(shared).toEqual([]);
  });

  it("drops notes that are not public pages and names an untitled page by its site", () => {
    expect(publicSources({ a: "DOMAIN.md (project reference)", b: "https://exemple.gouv.fr/dossier/mon-guide.html", c: "https://exemple.gouv.fr/dossier/mon-guide.html" })).toEqual([
      { href: "https://exemple.gouv.fr/dossier/mon-guide.html", title: "exemple.gouv.fr : mon guide" },
    ]);
  });
});
