/**
 * One product: images (srcSet), description, and its variants — a choice by option (size,
 * edition), each with its price VAT included, its stock state — and "add to cart". The
 * cart's answer (an error such as INSUFFICIENT_STOCK) is shown next to the quantity.
 */
import { useQuery } from "@apollo/client";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { RichText } from "../../components/RichText";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { formatMoney, formatRate } from "../../i18n/format";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useCart } from "../../components/shop/useCart";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, textLang, useAlternates, useLang, useStrings, useT } from "../../i18n";
import NotFoundPage from "../errors/NotFoundPage";
import { ShopProductDocument, type ShopProductQuery } from "./shop.generated";

type Product = NonNullable<ShopProductQuery["product"]>;
type Variant = Product["variants"][number];

const LOW_STOCK = 10;

function StockState({ variant }: { variant: Variant }) {
  const s = useStrings(SHOP_STRINGS);
  const { inStock, quantityAvailable } = variant.availability;
  if (!inStock) return <p className="stock stock--out">{s.soldOut}</p>;
  if (variant.kind === "DIGITAL") return <p className="stock stock--in">{s.digital}</p>;
  if (quantityAvailable <= LOW_STOCK) return <p className="stock stock--low">{s.lowStock(quantityAvailable)}</p>;
  return <p className="stock stock--in">{s.inStock}</p>;
}

function variantName(variant: Variant): string {
  return [variant.label, variant.size, variant.edition].filter((part, index, all) => part && all.indexOf(part) === index).join(" · ") || variant.sku;
}

function BuyForm({ product }: { product: Product }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const cart = useCart();
  const firstAvailable = product.variants.find((variant) => variant.availability.inStock) ?? product.variants[0];
  const [sku, setSku] = useState(firstAvailable?.sku ?? "");
  const [quantity, setQuantity] = useState("1");
  const [added, setAdded] = useState(false);
  const { errors, setErrors, busy, form, submit } = useSubmit();
  const variant = product.variants.find((candidate) => candidate.sku === sku) ?? firstAvailable;
  if (!variant) return null;

  async function add() {
    setAdded(false);
    const count = Number(quantity);
    if (!Number.isInteger(count) || count < 1) return [{ field: "quantity", code: "ZERO_QUANTITY" }];
    const result = await cart.add(variant!.sku, count);
    // Line errors come back on "lines", "quantity" or "sku": all belong to the quantity field.
    return result.errors.map((error) => ({
      ...error,
      field: error.field === "token" ? null : error.field && ["lines", "sku"].includes(error.field) ? "quantity" : error.field,
    }));
  }

  return (
    <form className="buy-form" ref={form} onSubmit={submit(add, () => setAdded(true))} noValidate>
      {product.variants.length > 1 ? (
        <fieldset className="variant-choice">
          <legend>{s.choose}</legend>
          {product.variants.map((candidate) => (
            <div className="variant-choice__option" key={candidate.sku}>
              <input
                type="radio"
                name="variant"
                id={`variant-${candidate.sku}`}
                value={candidate.sku}
                checked={candidate.sku === variant.sku}
                onChange={() => {
                  setSku(candidate.sku);
                  setErrors({});
                  setAdded(false);
                }}
              />
              <label htmlFor={`variant-${candidate.sku}`}>
                <span className="variant-choice__name">{variantName(candidate)}</span>
                <span className="variant-choice__price">{formatMoney(lang, candidate.price.gross)}</span>
                {!candidate.availability.inStock ? <span className="meta"> — {s.soldOut}</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <p className="price" data-testid="price">
        <strong>{formatMoney(lang, variant.price.gross)}</strong>{" "}
        <span className="meta">{s.vatIncluded(formatRate(variant.price.vatRate ?? product.vatRate))}</span>
      </p>
      <StockState variant={variant} />
      <FormError message={errors.form} />
      {variant.availability.inStock ? (
        <div className="buy-form__row">
          <TextField
            className="field--quantity"
            label={s.quantity}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={quantity}
            error={errors.quantity}
            onChange={(event) => setQuantity(event.target.value)}
          />
          <SubmitButton busy={busy}>{s.addToCart}</SubmitButton>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {added ? (
          <p className="notice">
            {s.added} <Link to={pathFor(lang, "cart")}>{s.viewCart}</Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

export default function ProductPage() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const { slug = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(ShopProductDocument, { variables: { slug, locale: lang } });
  const product = data?.product;
  useAlternates("shop", product?.translations);
  useDocumentMeta(product?.title, product?.intro);
  if (!data && loading) return <Loading />;
  if (error && !product) return <LoadError error={error} retry={() => refetch()} />;
  if (!product) return <NotFoundPage />;
  const [first, ...others] = product.images;
  return (
    <article className="page product" data-page="product" lang={textLang(product.locale, lang)}>
      <nav className="breadcrumb" aria-label={t.shop}>
        <Link to={pathFor(lang, "shop")}>{t.shop}</Link>
        {product.category ? (
          <>
            {" / "}
            <Link to={`${pathFor(lang, "shop")}?category=${encodeURIComponent(product.category.slug)}`}>
              {product.category.name}
            </Link>
          </>
        ) : null}
      </nav>
      <div className="product__layout">
        <div className="product__images">
          {first ? (
            <ResponsiveImage
              className="product__image"
              rendition={first.rendition}
              sizes="(min-width: 60rem) 36rem, 100vw"
              priority
            />
          ) : null}
          {others.length ? (
            <ul className="product__thumbs plain-list">
              {others.map((image, index) => (
                <li key={index}>
                  <ResponsiveImage rendition={image.thumbnail} sizes="6rem" />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="product__details">
          <PageTitle>{product.title}</PageTitle>
          <BuyForm product={product} />
          {product.intro ? <p className="lead">{product.intro}</p> : null}
          {product.reproduces ? (
            <p className="meta">
              {s.reproduces}{" "}
              <Link to={pathFor(lang, "collection", product.reproduces.inventoryNumber)}>{product.reproduces.title}</Link>
            </p>
          ) : null}
          {product.description ? <RichText html={product.description} /> : null}
        </div>
      </div>
    </article>
  );
}
