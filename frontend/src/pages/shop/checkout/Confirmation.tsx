/**
 * The confirmation after payment (`?order=<number>`): the order's number, status, lines
 * with their download links, totals with the VAT per rate, the addresses, and what
 * happens next (post, pickup at the desk, downloads). The order is the one
 * `checkoutComplete` answered, kept in sessionStorage so a reload still shows it.
 */
import { Link } from "react-router-dom";
import { PageTitle } from "../../../components/PageTitle";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useDocumentMeta } from "../../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../../i18n";
import { formatMoney, formatRate } from "../../../i18n/format";
import { OrderLines } from "../../../components/shop/OrderLines";
import { PostalAddress } from "../../../components/shop/PostalAddress";
import { OrderTickets } from "../../../components/tickets/OrderTickets";
import type { Address, Order } from "./types";

/** The order as confirmed, and whether it is picked up at the desk (the checkout knew). */
export type ConfirmedOrder = Order & { pickup?: boolean };

const LAST_ORDER = "vitrine.lastOrder";

/** Keep the order for the confirmation page (and a reload of it). */
export function rememberOrder(order: ConfirmedOrder): void {
  try {
    window.sessionStorage.setItem(LAST_ORDER, JSON.stringify(order));
  } catch {
    // private mode without storage: the confirmation says it has no order to show
  }
}

export function Confirmation({ order }: { order: ConfirmedOrder }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  useDocumentMeta(s.thanks);
  // Picked up at the desk: no address to send to, whatever the checkout had.
  const shipped = order.pickup ? null : order.shippingAddress;
  const hasDownloads = order.lines.some((line) => line.downloadUrl);
  return (
    <div className="page page--narrow checkout-confirmation" data-page="order-confirmation">
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
      <OrderLines lines={order.lines} />
      <OrderTickets tickets={order.tickets ?? []} />
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
        {(order.vatBreakdown ?? []).map((line) => (
          <div className="totals__vat" key={line.rate} data-testid="order-vat">
            <dt>{s.vat(formatRate(line.rate))}</dt>
            <dd>{formatMoney(lang, { amount: line.vat.amount, currency: line.vat.currency ?? line.gross.currency })}</dd>
          </div>
        ))}
      </dl>
      {shipped || order.billingAddress ? (
        <div className="order-addresses">
          {shipped ? (
            <section aria-labelledby="order-shipping-address" data-testid="order-shipping-address">
              <h2 id="order-shipping-address">{s.shippingAddress}</h2>
              <PostalAddress address={shipped} />
            </section>
          ) : null}
          {order.billingAddress ? (
            <section aria-labelledby="order-billing-address">
              <h2 id="order-billing-address">{s.billingAddress}</h2>
              <PostalAddress address={order.billingAddress} />
            </section>
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="order-next" className="order-next" data-testid="order-next">
        <h2 id="order-next">{s.whatNext}</h2>
        <ul>
          <li>{s.confirmationSent(order.email)}</li>
          {order.pickup ? <li>{s.nextPickup}</li> : null}
          {shipped ? <li>{s.nextShipped}</li> : null}
          {hasDownloads ? <li>{s.nextDownloads}</li> : null}
        </ul>
      </section>
      <p>
        <Link to={pathFor(lang, "shop")}>{s.continueShopping}</Link>
      </p>
    </div>
  );
}

export function storedOrder(number: string): ConfirmedOrder | null {
  try {
    const order = JSON.parse(window.sessionStorage.getItem(LAST_ORDER) ?? "null") as ConfirmedOrder | null;
    return order && (order.number ?? order.id) === number ? order : null;
  } catch {
    return null;
  }
}
