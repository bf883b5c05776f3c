/**
 * What the suggestion list shows and which entry is highlighted, kept apart from the
 * network so that Enter always picks the entry the visitor sees highlighted.
 *
 * The list is replaced only by an answer for the text now in the field: while a newer
 * request is on its way the visitor keeps seeing (and can pick from) the last list, and a
 * late answer for older text is dropped. The highlight is held by identity, not position,
 * so a refreshed list that still holds the entry keeps it highlighted.
 */
export type SuggestionLike = {
  kind?: string | null;
  facet?: string | null;
  termId?: string | null;
  slug?: string | null;
  sceneKey?: string | null;
};

export type SuggestState<S extends SuggestionLike> = {
  text: string;
  items: S[];
  open: boolean;
  highlighted: string | null;
};

export type SuggestAction<S extends SuggestionLike> =
  | { type: "typed"; text: string }
  | { type: "answered"; prefix: string; items: S[] }
  | { type: "move"; by: 1 | -1 }
  | { type: "close" }
  | { type: "reset"; text: string };

export const MIN_PREFIX = 2;

export function suggestionKey(suggestion: SuggestionLike): string {
  return [suggestion.kind ?? suggestion.facet, suggestion.termId ?? suggestion.slug, suggestion.sceneKey ?? ""].join(":");
}

export function initialSuggest<S extends SuggestionLike>(text: string): SuggestState<S> {
  return { text, items: [], open: false, highlighted: null };
}

/** The prefix to ask suggestions for, or null when the text is too short to ask. */
export function prefixOf(text: string): string | null {
  const prefix = text.trim();
  return prefix.length >= MIN_PREFIX ? prefix : null;
}

export function suggestReducer<S extends SuggestionLike>(state: SuggestState<S>, action: SuggestAction<S>): SuggestState<S> {
  switch (action.type) {
    case "typed":
      return { ...state, text: action.text, open: true, highlighted: null };
    case "answered": {
      if (action.prefix !== prefixOf(state.text)) return state;
      const keys = new Set(action.items.map(suggestionKey));
      const highlighted = state.highlighted && keys.has(state.highlighted) ? state.highlighted : null;
      return { ...state, items: action.items, highlighted };
    }
    case "move": {
      const items = visibleSuggestions(state);
      if (!items.length) return state;
      const current = highlightedIndex(state);
      const next =
        action.by === 1 ? (current + 1) % items.length : current <= 0 ? items.length - 1 : current - 1;
      return { ...state, open: true, highlighted: suggestionKey(items[next]) };
    }
    case "close":
      return { ...state, open: false, highlighted: null };
    case "reset":
      return { ...state, text: action.text, open: false, highlighted: null };
  }
}

export function visibleSuggestions<S extends SuggestionLike>(state: SuggestState<S>): S[] {
  return state.open && prefixOf(state.text) ? state.items : [];
}

export function highlightedIndex<S extends SuggestionLike>(state: SuggestState<S>): number {
  if (!state.highlighted) return -1;
  return visibleSuggestions(state).findIndex((item) => suggestionKey(item) === state.highlighted);
}
