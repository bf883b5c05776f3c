import { describe, expect, it } from "vitest";
import { readSearch, resultPath, toggle, writeSearch } from "./searchState";

describe("search state in the URL", () => {
  it("round-trips query and facets, dropping what is not a facet value", () => {
    const params = new URLSearchParams(
      "q=zilver&kind=OBJECT&kind=BOGUS&material=30&type=7&century=17&century=x&literal=CENTURY&literal=NOPE",
    );
    const state = readSearch(params);
    expect(state).toEqual({
      q: "zilver",
      kinds: ["OBJECT"],
      makers: [],
      materials: ["30"],
      objectTypes: ["7"],
      centuries: [17],
      skipRules: ["CENTURY"],
    });
    expect(writeSearch(state).toString()).toBe("q=zilver&kind=OBJECT&material=30&type=7&century=17&literal=CENTURY");
  });

  it("toggles a facet value on and off", () => {
    expect(toggle(["1"], "2")).toEqual(["1", "2"]);
    expect(toggle(["1", "2"], "1")).toEqual(["2"]);
  });

  it("links each kind of result to its localised page", () => {
    expect(resultPath("fr", "OBJECT", "MAL.1966.018")).toBe("/fr/collection/MAL.1966.018");
    expect(resultPath("nl", "TOUR", "rondleiding", "zilverkamer")).toBe("/nl/rondleidingen/rondleiding?scene=zilverkamer");
  });
});
