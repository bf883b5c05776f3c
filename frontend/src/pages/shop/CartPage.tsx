/**
 * The cart: its lines with editable quantities (an error such as "not that many in stock"
 * appears next to the line's quantity), removal, the totals and the way to checkout.
 */
import { useState } from "react";
import { Link } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { ResponsiveImage } from "../../components/ResponsiveImage";
import type { CheckoutFieldsFragment } from "../../components/shop/checkout.generated";
import type { PayloadError } from "../../components/form/errors";
import { TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { formatDateTime, formatMoney } from "../../i18n/format";
import { TICKET_STRINGS } from "../../components/tickets/strings";
import { isEmpty } from "./checkout/types";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { Summary } from "../../components/shop/Summary";
import { useCart } from "../../components/shop/useCart";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings, useT } from "../../i18n";

type Line = CheckoutFieldsFragment["lines"][number];
type TicketLine = CheckoutFieldsFragment["ticketLines"][number];

/** Tickets of one slot and visitor category: removed as a whole (the tickets page adds more). */
function CartTicketLine({ line, cart }: { line: TicketLine; cart: ReturnType<typeof useCart> }) {
  const s = useStrings(SHOP_STRINGS);
  const ts = useStrings(TICKET_STRINGS);
  const lang = useLang();
  const { errors, busy, attempt } = useSubmit(ts);
  const name = `${line.offerName} (${line.category.name})`;
  const total = { amount: Number(line.category.price.amount) * line.quantity, currency: line.category.price.currency };
  return (
    <li className="cart-line" data-ticket-line={line.id}>
      <span className="cart-line__image" />
      <div className="cart-line__main">
        <h2 className="cart-line__title">
          <Link to={pathFor(lang, "tickets")}>{line.offerName}</Link>
        </h2>
        <p className="meta">
          {line.category.name} · {formatDateTime(lang, line.slot.startsAt)}
        </p>
        <p className="meta">
          {formatMoney(lang, line.category.price)} × {line.quantity} = <strong>{formatMoney(lang, total)}</strong>
        </p>
        {errors.form || errors.lineId ? (
          <p className="field__error" role="alert">
            {errors.form ?? errors.lineId}
          </p>
        ) : null}
        <button
          type="button"
          className="button--link"
          disabled={busy}
          aria-label={s.removeLine(name)}
          onClick={() => attempt(async () => (await cart.removeTicketLine(line.id)).errors)}
        >
          {s.remove}
        </button>
      </div>
    </li>
  );
}

function CartLine({ line, cart }: { line: Line; cart: ReturnType<typeof useCart> }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const { errors, busy, form, submit, attempt } = useSubmit();
  const name = line.variant.label ? `${line.productTitle} (${line.variant.label})` : line.productTitle;

  /** Every error of this line is shown at its quantity. */
  const atQuantity = (found: readonly PayloadError[]) => found.map((error) => ({ ...error, field: "quantity" }));

  async function update() {
    const count = Number(quantity);
    if (!Number.isInteger(count) || count < 0) return [{ field: "quantity", code: "INVALID" }];
    const result = count === 0 ? await cart.remove(line.id) : await cart.update(line.sku, count);
    return atQuantity(result.errors);
  }

  return (
    <li className="cart-line" data-sku={line.sku}>
      {line.productImage ? (
        <ResponsiveImage className="cart-line__image" rendition={line.productImage.rendition} alt="" sizes="5rem" />
      ) : (
        <span className="cart-line__image" />
      )}
      <div className="cart-line__main">
        <h2 className="cart-line__title">
          {line.productSlug ? <Link to={pathFor(lang, "shop", line.productSlug)}>{line.productTitle}</Link> : line.productTitle}
        </h2>
        {line.variant.label ? <p className="meta">{line.variant.label}</p> : null}
        <p className="meta">
          {formatMoney(lang, line.unitPrice.gross)} × {line.quantity} = <strong>{formatMoney(lang, line.totalPrice.gross)}</strong>
        </p>
        <form className="cart-line__form" ref={form} onSubmit={submit(update)} noValidate>
          <TextField
            className="field--quantity"
            label={s.quantityOf(name)}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={quantity}
            error={errors.quantity ?? errors.form}
            onChange={(event) => setQuantity(event.target.value)}
          />
          <SubmitButton busy={busy} variant="secondary">
            {s.update}
          </SubmitButton>
          <button
            type="button"
            className="button--link"
            disabled={busy}
            aria-label={s.removeLine(name)}
            onClick={() => attempt(async () => atQuantity((await cart.remove(line.id)).errors))}
          >
            {s.remove}
          </button>
        </form>
      </div>
    </li>
  );
}

export default function CartPage() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const cart = useCart();
  useDocumentMeta(t.cart);
  if (cart.loading) return <Loading />;
  if (cart.error && !cart.checkout) return <LoadError error={cart.error} retry={() => cart.refetch()} />;
  const checkout = cart.checkout;
  // Products and tickets alike.
  const items = (checkout?.quantity ?? 0) + (checkout?.ticketLines ?? []).reduce((sum, line) => sum + line.quantity, 0);
  return (
    <div className="page cart" data-page="cart">
      <PageTitle>{t.cart}</PageTitle>
      {!checkout || isEmpty(checkout) ? (
        <>
          <p>{s.cartEmpty}</p>
          <p>
            <Link className="button" to={pathFor(lang, "shop")}>
              {s.continueShopping}
            </Link>
          </p>
        </>
      ) : (
        <div className="cart__layout">
          <section aria-label={s.cartItems(items)}>
            <p className="meta">{s.cartItems(items)}</p>
            <ul className="plain-list cart-lines">
              {checkout.lines.map((line) => (
                <CartLine key={`${line.id}-${line.quantity}`} line={line} cart={cart} />
              ))}
              {checkout.ticketLines.map((line) => (
                <CartTicketLine key={`ticket-${line.id}-${line.quantity}`} line={line} cart={cart} />
              ))}
            </ul>
          </section>
          <aside className="cart__summary" aria-labelledby="cart-summary">
            <h2 id="cart-summary">{s.summary}</h2>
            <Summary checkout={checkout} />
            <p>
              <Link className="button" to={pathFor(lang, "checkout")}>
                {s.toCheckout}
              </Link>
            </p>
            <p>
              <Link to={pathFor(lang, "shop")}>{s.continueShopping}</Link>
            </p>
          </aside>
        </div>
      )}
    </div>
  );
}
