/**
 * The confirmation after payment (`?order=<number>`): the order's number, status, lines
 * with their download links, and totals. The order is the one `checkoutComplete`
 * answered, kept in sessionStorage so a reload still shows it.
 */
import { Link } from "react-router-dom";
import { PageTitle } from "../../../components/PageTitle";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useDocumentMeta } from "../../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../../i18n";
import { formatMoney } from "../../../i18n/format";
import type { Order } from "./types";

const LAST_ORDER = "vitrine.lastOrder";

/** Keep the order for the confirmation page (and a reload of it). */
export function rememberOrder(order: Order): void {
  try {
    window.sessionStorage.setItem(LAST_ORDER, JSON.stringify(order));
  } catch {
    // private mode without storage: the confirmation says it has no order to show
  }
}

export function Confirmation({ order }: { order: Order }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  useDocumentMeta(s.thanks);
  return (
    <div className="page checkout-confirmation" data-page="order-confirmation">
      <PageTitle>{s.thanks}</PageTitle>
      <dl className="order-facts">
        <div>
          <dt>{s.orderNumber}</dt>
          <dd data-testid="order-number">{order.number}</dd>
        </div>
        <div>
          <dt>{s.orderStatus}</dt>
          <dd data-testid="order-status">{s.orderStatuses[order.status] ?? order.status}</dd>
        </div>
        {order.deliveryMethodName ? (
          <div>
            <dt>{s.delivery}</dt>
            <dd>{order.deliveryMethodName}</dd>
          </div>
        ) : null}
      </dl>
      <p>{s.confirmationSent(order.email)}</p>
      <ul className="plain-list summary-lines">
        {order.lines.map((line) => (
          <li key={line.sku}>
            <span>
              {line.quantity} × {line.productName}
              {line.variantLabel ? ` (${line.variantLabel})` : ""}
              {line.downloadUrl ? (
                <>
                  {" "}
                  <a href={line.downloadUrl} aria-label={s.downloadOf(line.productName)}>
                    {s.download}
                  </a>
                </>
              ) : null}
            </span>
            <span>{formatMoney(lang, line.totalPrice)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div>
          <dt>{s.subtotal}</dt>
          <dd>{formatMoney(lang, order.subtotal)}</dd>
        </div>
        {Number(order.discount.amount) > 0 ? (
          <div>
            <dt>{s.discount}</dt>
            <dd>− {formatMoney(lang, order.discount)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{s.shipping}</dt>
          <dd>{formatMoney(lang, order.shippingPrice)}</dd>
        </div>
        <div className="totals__total">
          <dt>{s.totalVatIncluded}</dt>
          <dd data-testid="order-total">{formatMoney(lang, order.total)}</dd>
        </div>
      </dl>
      <p>
        <Link to={pathFor(lang, "shop")}>{s.continueShopping}</Link>
      </p>
    </div>
  );
}

export function storedOrder(number: string): Order | null {
  try {
    const order = JSON.parse(window.sessionStorage.getItem(LAST_ORDER) ?? "null") as Order | null;
    return order && (order.number ?? order.id) === number ? order : null;
  } catch {
    return null;
  }
}
