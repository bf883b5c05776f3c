/** A product as a card (the shop's list, the home page): image, name, price, stock. */
import { Link } from "react-router-dom";
import { pathFor, useLang, useStrings } from "../../i18n";
import { formatMoney, formatRate } from "../../i18n/format";
import type { ProductCardFieldsFragment } from "../../pages/shop/shop.generated";
import { ResponsiveImage } from "../ResponsiveImage";
import { SHOP_STRINGS } from "./strings";

export function ProductCard({
  product,
  headingLevel = 2,
}: {
  product: ProductCardFieldsFragment;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const image = product.images[0];
  return (
    <article className="card product-card">
      {image ? (
        <ResponsiveImage
          className="card__image"
          rendition={image.rendition}
          alt=""
          sizes="(min-width: 76rem) 18rem, (min-width: 40rem) 45vw, 100vw"
        />
      ) : null}
      <div className="card__body">
        {product.category ? <p className="eyebrow">{product.category.name}</p> : null}
        <Heading className="card__title">
          <Link className="card__link" to={pathFor(lang, "shop", product.slug)}>
            {product.title}
          </Link>
        </Heading>
        {product.intro ? <p className="card__text">{product.intro}</p> : null}
        <p className="product-card__price">
          {product.priceFrom ? (
            <>
              <span className="meta">{s.from} </span>
              <strong>{formatMoney(lang, product.priceFrom.gross)}</strong>
              {product.priceFrom.vatRate ? (
                <span className="meta"> {s.vatIncluded(formatRate(product.priceFrom.vatRate))}</span>
              ) : null}
            </>
          ) : null}
        </p>
        <p className={product.inStock ? "stock stock--in" : "stock stock--out"}>
          {product.inStock ? s.inStock : s.soldOut}
        </p>
      </div>
    </article>
  );
}
