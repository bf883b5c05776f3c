/**
 * The collection: published objects of the current language by title, filtered by maker
 * or material through the API's `collectionObjects` arguments, a page at a time ("Load
 * more", as in search and the shop). Filters live in the URL (?maker=…&material=…).
 */
import { useQuery } from "@apollo/client";
import { appendPage, LoadMore } from "../../components/LoadMore";
import { ObjectCard } from "../../components/ObjectCard";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useUrlParams } from "../../components/useUrlParams";
import { useLang, useT } from "../../i18n";
import { CollectionObjectListDocument } from "./collection.generated";

const PAGE_SIZE = 12;

export default function CollectionListPage() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useUrlParams();
  const maker = params.get("maker") || null;
  const material = params.get("material") || null;
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(CollectionObjectListDocument, {
    variables: { locale: lang, first: PAGE_SIZE, maker, material },
  });
  useDocumentMeta(t.collection);
  const shown = data ?? previousData;

  function change(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  if (!shown && loading) return <Loading />;
  if (!shown) return <LoadError error={error} retry={() => refetch()} />;
  const { nodes, pageInfo, totalCount } = shown.collectionObjects;
  const filters = [
    { name: "maker", label: t.maker, value: maker, terms: shown.makers.nodes },
    { name: "material", label: t.material, value: material, terms: shown.materials.nodes },
  ];
  return (
    <div className="page" data-page="collection">
      <PageTitle>{t.collection}</PageTitle>
      <form className="collection-filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        {filters.map((filter) => (
          <div className="collection-filters__field" key={filter.name}>
            <label htmlFor={`collection-${filter.name}`}>{filter.label}</label>
            <select id={`collection-${filter.name}`} value={filter.value ?? ""} onChange={(event) => change(filter.name, event.target.value)}>
              <option value="">{t.anyValue}</option>
              {filter.terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {term.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>
      <p className="meta" role="status" aria-live="polite">
        {t.results(totalCount)}
      </p>
      {nodes.length ? (
        <ul className="card-grid plain-list" aria-busy={loading}>
          {nodes.map((object) => (
            <li key={object.id}>
              <ObjectCard object={object} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noResults}</p>
      )}
      <LoadMore
        pageInfo={pageInfo}
        loading={loading}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage("collectionObjects") })}
      />
    </div>
  );
}
