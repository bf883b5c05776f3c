import { describe, expect, it } from "vitest";
import {
  highlightedIndex,
  initialSuggest,
  suggestReducer,
  visibleSuggestions,
  type SuggestAction,
  type SuggestState,
} from "./suggestState";

type S = { text: string; facet?: string; termId?: string; kind?: string; slug?: string };

const material: S = { text: "zilver", facet: "material", termId: "30" };
const story: S = { text: "Zilver voor de gilden", kind: "STORY", slug: "zilver-voor-de-gilden" };
const maker: S = { text: "Zilversmid", facet: "maker", termId: "7" };

function run(...actions: SuggestAction<S>[]): SuggestState<S> {
  return actions.reduce(suggestReducer<S>, initialSuggest<S>(""));
}

describe("search suggestions", () => {
  it("keeps the entry the visitor highlighted when a refresh for the same text still holds it", () => {
    const state = run(
      { type: "typed", text: "zilv" },
      { type: "answered", prefix: "zilv", items: [material, story] },
      { type: "move", by: 1 },
      { type: "answered", prefix: "zilv", items: [maker, material] },
    );
    expect(highlightedIndex(state)).toBe(1);
    expect(visibleSuggestions(state)[highlightedIndex(state)]).toBe(material);
  });

  it("keeps showing the last list while the answer for newer text is on its way, and drops late answers", () => {
    const state = run(
      { type: "typed", text: "zilver" },
      { type: "answered", prefix: "zilver", items: [material, story] },
      { type: "typed", text: "zilv" },
      { type: "move", by: 1 },
      { type: "answered", prefix: "zilver", items: [maker] },
    );
    expect(visibleSuggestions(state)).toEqual([material, story]);
    expect(visibleSuggestions(state)[highlightedIndex(state)]).toBe(material);
  });

  it("clears the highlight when the refreshed list no longer holds it", () => {
    const state = run(
      { type: "typed", text: "zil" },
      { type: "answered", prefix: "zil", items: [story] },
      { type: "move", by: 1 },
      { type: "typed", text: "zilv" },
      { type: "answered", prefix: "zilv", items: [material] },
    );
    expect(highlightedIndex(state)).toBe(-1);
  });

  it("wraps arrow keys around the list and shows nothing for one character or when closed", () => {
    let state = run({ type: "typed", text: "zi" }, { type: "answered", prefix: "zi", items: [material, story] });
    state = suggestReducer(state, { type: "move", by: -1 });
    expect(highlightedIndex(state)).toBe(1);
    state = suggestReducer(state, { type: "move", by: 1 });
    expect(highlightedIndex(state)).toBe(0);
    expect(visibleSuggestions(suggestReducer(state, { type: "typed", text: "z" }))).toEqual([]);
    expect(visibleSuggestions(suggestReducer(state, { type: "close" }))).toEqual([]);
  });
});
