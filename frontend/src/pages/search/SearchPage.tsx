/**
 * Search over stories, exhibitions, objects and tours (products once the shop registers
 * them), with facets — kind, maker, material, century — whose counts come from the API.
 * The state is in the URL; changing a facet replaces the history entry. On a phone the
 * filters are closed behind a "Filters" button, so the first results show at once.
 */
import { useQuery } from "@apollo/client";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { appendPage, LoadMore } from "../../components/LoadMore";
import { PageTitle } from "../../components/PageTitle";
import { LoadError } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useUrlParams } from "../../components/useUrlParams";
import { isLang, useLang, useT, type Lang } from "../../i18n";
import { SearchDocument, type SearchQuery } from "./search.generated";
import { readSearch, resultPath, toggle, writeSearch, type SearchState } from "./searchState";
import { SuggestBox, type Suggestion } from "./SuggestBox";

type Facets = SearchQuery["search"]["facets"];

/** A result's own language, when it has no translation into the visitor's. */
function asLang(locale: string, fallback: Lang): Lang {
  return isLang(locale) ? locale : fallback;
}

function FacetGroup<T extends string | number>({
  legend,
  name,
  options,
  chosen,
  onToggle,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string; count: number }[];
  chosen: T[];
  onToggle: (value: T) => void;
}) {
  if (!options.length) return null;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul className="plain-list">
        {options.map((option) => (
          <li key={String(option.value)}>
            <label className="facet__option">
              <input
                type="checkbox"
                name={name}
                value={String(option.value)}
                checked={chosen.includes(option.value)}
                onChange={() => onToggle(option.value)}
              />
              <span>{option.label}</span> <span className="facet__count">({option.count})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Chosen filters stay listed even when the current answer has no count for them. */
function withChosen<T extends string | number>(
  options: { value: T; label: string; count: number }[],
  chosen: T[],
): { value: T; label: string; count: number }[] {
  const missing = chosen.filter((value) => !options.some((option) => option.value === value));
  return [...options, ...missing.map((value) => ({ value, label: String(value), count: 0 }))];
}

function activeFilters(state: SearchState): number {
  return (
    state.kinds.length + state.makers.length + state.materials.length + state.objectTypes.length + state.centuries.length
  );
}

type Applied = SearchQuery["search"]["appliedFilters"][number];

/**
 * What the search read from the query's words (a century, a price wish), as chips: removing
 * one searches those words as words again (the rule goes into `skipRules`).
 */
function AppliedFilters({ applied, onRemove }: { applied: Applied[]; onRemove: (rule: Applied["rule"]) => void }) {
  const t = useT();
  if (!applied.length) return null;
  return (
    <section className="applied-filters" aria-label={t.appliedFilters}>
      <p className="applied-filters__heading">{t.appliedFilters}</p>
      <ul className="plain-list chips">
        {applied.map((filter) => (
          <li key={`${filter.rule}-${filter.value}`} className="chip">
            <span>{filter.label}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t.removeAppliedFilter(filter.label)}
              title={t.removeAppliedFilter(filter.label)}
              onClick={() => onRemove(filter.rule)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FacetPanel({
  facets,
  state,
  update,
  open,
}: {
  facets: Facets | undefined;
  state: SearchState;
  update: (next: SearchState) => void;
  open: boolean;
}) {
  const t = useT();
  if (!facets) return null;
  const active = activeFilters(state);
  return (
    <section id="facets" className={`facets${open ? " facets--open" : ""}`} aria-labelledby="facets-heading">
      <h2 id="facets-heading" className="facets__heading">
        {t.filters}
      </h2>
      <FacetGroup
        legend={t.kind}
        name="kind"
        options={withChosen(
          facets.kinds.map((facet) => ({ value: facet.kind, label: t.kindNames[facet.kind], count: facet.count })),
          state.kinds,
        )}
        chosen={state.kinds}
        onToggle={(kind) => update({ ...state, kinds: toggle(state.kinds, kind) })}
      />
      <FacetGroup
        legend={t.makers}
        name="maker"
        options={withChosen(
          facets.makers.map((facet) => ({ value: facet.id, label: facet.label, count: facet.count })),
          state.makers,
        )}
        chosen={state.makers}
        onToggle={(id) => update({ ...state, makers: toggle(state.makers, id) })}
      />
      <FacetGroup
        legend={t.materials}
        name="material"
        options={withChosen(
          facets.materials.map((facet) => ({ value: facet.id, label: facet.label, count: facet.count })),
          state.materials,
        )}
        chosen={state.materials}
        onToggle={(id) => update({ ...state, materials: toggle(state.materials, id) })}
      />
      <FacetGroup
        legend={t.objectTypes}
        name="type"
        options={withChosen(
          facets.objectTypes.map((facet) => ({ value: facet.id, label: facet.label, count: facet.count })),
          state.objectTypes,
        )}
        chosen={state.objectTypes}
        onToggle={(id) => update({ ...state, objectTypes: toggle(state.objectTypes, id) })}
      />
      <FacetGroup
        legend={t.century}
        name="century"
        options={withChosen(
          facets.centuries.map((facet) => ({ value: facet.century, label: facet.label, count: facet.count })),
          state.centuries,
        )}
        chosen={state.centuries}
        onToggle={(century) => update({ ...state, centuries: toggle(state.centuries, century) })}
      />
      {active ? (
        <button
          type="button"
          className="button--link"
          onClick={() => update({ ...state, kinds: [], makers: [], materials: [], objectTypes: [], centuries: [] })}
        >
          {t.clearFilters}
        </button>
      ) : null}
    </section>
  );
}

export default function SearchPage() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams();
  const state = readSearch(params);
  const browsing = !state.q && !activeFilters(state);
  const variables = {
    query: state.q,
    locale: lang,
    kinds: state.kinds.length ? state.kinds : null,
    filters: {
      makers: state.makers.length ? state.makers : null,
      materials: state.materials.length ? state.materials : null,
      objectTypes: state.objectTypes.length ? state.objectTypes : null,
      centuries: state.centuries.length ? state.centuries : null,
    },
    skipRules: state.skipRules.length ? state.skipRules : null,
  };
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(SearchDocument, { variables });
  const result = (data ?? previousData)?.search;
  // Very many matches are counted on a sample: the count is an estimate, and says so.
  const resultCount = (answer: SearchQuery["search"]) =>
    answer.totalCountApproximate ? t.aboutResults(answer.totalCount) : t.results(answer.totalCount);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = activeFilters(state);
  useDocumentMeta(state.q ? `${t.search}: ${state.q}` : t.search);

  const update = (next: SearchState, replace = true) => setParams(writeSearch(next), { replace });
  const onPick = (suggestion: Suggestion) => {
    if (suggestion.termId && suggestion.facet === "maker") {
      update({ ...state, q: "", makers: toggle(state.makers, suggestion.termId) }, false);
    } else if (suggestion.termId && suggestion.facet === "material") {
      update({ ...state, q: "", materials: toggle(state.materials, suggestion.termId) }, false);
    } else if (suggestion.kind && suggestion.slug) {
      navigate(resultPath(lang, suggestion.kind, suggestion.slug, suggestion.sceneKey));
    }
  };

  return (
    <div className="page search" data-page="search">
      <PageTitle>{t.search}</PageTitle>
      <SuggestBox initial={state.q} onSearch={(q) => update({ ...state, q, skipRules: [] }, false)} onPick={onPick} />
      <AppliedFilters
        applied={result?.appliedFilters ?? []}
        onRemove={(rule) => update({ ...state, skipRules: [...state.skipRules, rule] }, false)}
      />
      {error && !result ? <LoadError error={error} retry={() => refetch()} /> : null}
      <div className="search__layout">
        {result?.facets ? (
          <button
            type="button"
            className="button button--secondary facets-toggle"
            aria-expanded={filtersOpen}
            aria-controls="facets"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {t.filters}
            {active ? ` (${active})` : ""}
          </button>
        ) : null}
        <FacetPanel facets={result?.facets} state={state} update={(next) => update(next)} open={filtersOpen} />
        <section className="search__results" aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading" className="visually-hidden">
            {result ? resultCount(result) : t.results(0)}
          </h2>
          <p className="meta" role="status" aria-live="polite">
            {data && !browsing ? resultCount(data.search) : ""}
          </p>
          {data && data.search.totalCount === 0 ? <p>{t.noResults}</p> : null}
          <ol className="results plain-list">
            {(result?.nodes ?? []).map((node) => (
              <li key={`${node.kind}-${node.slug}-${node.sceneKey ?? ""}`} className="result">
                {node.image ? (
                  <ResponsiveImage className="result__image" rendition={node.image.rendition} alt="" sizes="80px" />
                ) : (
                  <span className="result__image result__image--empty" aria-hidden="true" />
                )}
                <div>
                  <p className="result__kind">{t.kindNames[node.kind]}</p>
                  <h3 className="result__title" lang={node.translated ? undefined : node.locale}>
                    <Link to={resultPath(node.translated ? lang : asLang(node.locale, lang), node.kind, node.slug, node.sceneKey)}>
                      {node.title}
                    </Link>
                  </h3>
                  {node.note ? <p className="result__note meta">{node.note}</p> : null}
                  {/* Escaped by the API, with only <mark> added around matched words. */}
                  <p className="result__snippet" dangerouslySetInnerHTML={{ __html: node.snippet }} />
                </div>
              </li>
            ))}
          </ol>
          <LoadMore
            pageInfo={result?.pageInfo}
            loading={loading}
            onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage("search") })}
          />
        </section>
      </div>
    </div>
  );
}
