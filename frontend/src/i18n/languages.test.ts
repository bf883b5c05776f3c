import { describe, expect, it } from "vitest";
import { parsePath, pathFor, preferredLang } from "./languages";

describe("localised paths", () => {
  it("builds each language's own segments", () => {
    expect(pathFor("nl", "stories", "bruegel-op-het-ijs")).toBe("/nl/verhalen/bruegel-op-het-ijs");
    expect(pathFor("fr", "privacy")).toBe("/fr/confidentialite");
    expect(pathFor("en", "home")).toBe("/en");
    // The pages e-mailed links open (shop/accounts/frontend_links.py builds the same).
    expect(pathFor("fr", "privacy", "request")).toBe("/fr/confidentialite/request");
    expect(pathFor("nl", "newsletter", "confirm")).toBe("/nl/nieuwsbrief/confirm");
    expect(pathFor("fr", "newsletter", "unsubscribe")).toBe("/fr/infolettre/unsubscribe");
  });

  it("parses a path back into language, area and the rest", () => {
    expect(parsePath("/fr/recits/un-recit")).toEqual({ lang: "fr", area: "stories", rest: ["un-recit"] });
    expect(parsePath("/en")).toEqual({ lang: "en", area: "home", rest: [] });
    expect(parsePath("/de/stories")).toBeNull();
    expect(parsePath("/en/verhalen")).toBeNull();
  });

  it("picks the first preferred language we have, else Dutch", () => {
    expect(preferredLang(["de-DE", "fr-BE", "en"])).toBe("fr");
    expect(preferredLang(["de", "es"])).toBe("nl");
  });
});
