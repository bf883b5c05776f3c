/**
 * The search field with as-you-type suggestions, as an ARIA 1.2 combobox: the list is
 * announced, arrow keys move through it (focus stays in the field), Enter picks, Escape
 * closes. A term suggestion (a maker or material) becomes a filter; a page suggestion
 * goes to that page; Enter without a pick searches for what was typed.
 */
import { useLazyQuery } from "@apollo/client";
import { useEffect, useId, useReducer, useRef, type KeyboardEvent } from "react";
import { useLang, useT } from "../../i18n";
import { SearchSuggestDocument, type SearchSuggestQuery } from "./search.generated";
import {
  highlightedIndex,
  initialSuggest,
  prefixOf,
  suggestionKey,
  suggestReducer,
  visibleSuggestions,
} from "./suggestState";

export type Suggestion = SearchSuggestQuery["searchSuggest"][number];

const DEBOUNCE_MS = 150;

export function SuggestBox({
  initial,
  onSearch,
  onPick,
}: {
  initial: string;
  onSearch: (text: string) => void;
  onPick: (suggestion: Suggestion) => void;
}) {
  const t = useT();
  const lang = useLang();
  const listId = useId();
  const labelId = useId();
  const [state, dispatch] = useReducer(suggestReducer<Suggestion>, initial, initialSuggest<Suggestion>);
  const [suggest] = useLazyQuery(SearchSuggestDocument);
  const timer = useRef<number>();
  const suggestions = visibleSuggestions(state);
  const active = highlightedIndex(state);
  const text = state.text;

  useEffect(() => dispatch({ type: "reset", text: initial }), [initial]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (value: string) => {
    dispatch({ type: "typed", text: value });
    window.clearTimeout(timer.current);
    const prefix = prefixOf(value);
    if (prefix) {
      timer.current = window.setTimeout(() => {
        suggest({ variables: { prefix, locale: lang } })
          .then((result) => {
            if (result.data) dispatch({ type: "answered", prefix, items: result.data.searchSuggest });
          })
          .catch(() => undefined); // Suggestions are a convenience: searching still works without them.
      }, DEBOUNCE_MS);
    }
  };

  const pick = (suggestion: Suggestion) => {
    dispatch(suggestion.termId ? { type: "reset", text: "" } : { type: "close" });
    onPick(suggestion);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && suggestions.length) {
      event.preventDefault();
      dispatch({ type: "move", by: event.key === "ArrowDown" ? 1 : -1 });
    } else if (event.key === "Escape") {
      dispatch({ type: "close" });
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]);
    }
  };

  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        dispatch({ type: "close" });
        onSearch(text.trim());
      }}
    >
      <label id={labelId} htmlFor={`${listId}-input`} className="search-form__label">
        {t.searchLabel}
      </label>
      <div className="search-form__row">
        <div className="combobox">
          <input
            id={`${listId}-input`}
            type="search"
            name="q"
            value={text}
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={suggestions.length > 0}
            aria-controls={listId}
            aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
            onChange={(event) => change(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => window.setTimeout(() => dispatch({ type: "close" }), 150)}
          />
          <ul id={listId} role="listbox" aria-labelledby={labelId} className="suggestions" hidden={!suggestions.length}>
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestionKey(suggestion)}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="suggestions__item"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(suggestion)}
              >
                <span>{suggestion.text}</span>
                <span className="suggestions__kind">
                  {suggestion.kind
                    ? t.kindNames[suggestion.kind]
                    : suggestion.facet === "maker"
                      ? t.maker
                      : t.material}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className="button">
          {t.searchButton}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {suggestions.length ? `${t.suggestions}: ${suggestions.length}` : ""}
      </p>
    </form>
  );
}
