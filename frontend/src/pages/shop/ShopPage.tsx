/**
 * The shop: products of the current language, filtered by category and stock and sorted
 * by name or price, through the API's `products` arguments. Filters live in the URL
 * (?category=…&stock=1&sort=PRICE_ASC), so a filtered list can be shared and reloaded.
 */
import { useQuery } from "@apollo/client";
import { appendPage, LoadMore } from "../../components/LoadMore";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useUrlParams } from "../../components/useUrlParams";
import type { ProductOrder } from "../../graphql/schema-types";
import { useLang, useStrings, useT } from "../../i18n";
import { ProductCard } from "../../components/shop/ProductCard";
import { ShopProductsDocument } from "./shop.generated";

const PAGE_SIZE = 12;
const SORTS: ProductOrder[] = ["TITLE_ASC", "TITLE_DESC", "PRICE_ASC", "PRICE_DESC", "NEWEST"];

export default function ShopPage() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [params, setParams] = useUrlParams();
  const category = params.get("category") || null;
  const inStock = params.get("stock") === "1" ? true : null;
  const sortParam = params.get("sort") as ProductOrder | null;
  const orderBy: ProductOrder = sortParam && SORTS.includes(sortParam) ? sortParam : "TITLE_ASC";
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(ShopProductsDocument, {
    variables: { locale: lang, category, inStock, orderBy, first: PAGE_SIZE },
  });
  useDocumentMeta(t.shop, s.shopIntro);
  const shown = data ?? previousData;

  function change(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  if (!shown && loading) return <Loading />;
  if (!shown) return <LoadError error={error} retry={() => refetch()} />;
  const { nodes, pageInfo, totalCount } = shown.products;
  return (
    <div className="page shop" data-page="shop">
      <PageTitle>{t.shop}</PageTitle>
      <p className="lead">{s.shopIntro}</p>
      <form className="shop-filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="shop-category">{s.category}</label>
          <select id="shop-category" value={category ?? ""} onChange={(event) => change("category", event.target.value)}>
            <option value="">{s.allCategories}</option>
            {shown.productCategories.nodes.map((node) => (
              <option key={node.id} value={node.slug}>
                {node.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="shop-sort">{s.sortBy}</label>
          <select id="shop-sort" value={orderBy} onChange={(event) => change("sort", event.target.value === "TITLE_ASC" ? null : event.target.value)}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {s.sortOptions[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--check">
          <input
            id="shop-stock"
            type="checkbox"
            checked={inStock === true}
            onChange={(event) => change("stock", event.target.checked ? "1" : null)}
          />
          <label htmlFor="shop-stock">{s.onlyInStock}</label>
        </div>
      </form>
      <p className="meta" role="status" aria-live="polite">
        {s.products(totalCount)}
      </p>
      {nodes.length ? (
        <ul className="card-grid plain-list" aria-busy={loading}>
          {nodes.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{s.noProducts}</p>
      )}
      <LoadMore
        pageInfo={pageInfo}
        loading={loading}
        onMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage("products") })}
      />
    </div>
  );
}
