/** My orders, with each line's download link and each ticket's QR code and PDF. */
import { formatDate, formatMoney } from "../../i18n/format";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useLang, useStrings } from "../../i18n";
import { OrderLines } from "../../components/shop/OrderLines";
import { OrderTickets } from "../../components/tickets/OrderTickets";
import { type Me } from "./types";

export function Orders({ me }: { me: Me }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  return (
    <section aria-labelledby="my-orders" data-testid="my-orders">
      <h2 id="my-orders">{s.myOrders}</h2>
      {me.orders.nodes.length === 0 ? (
        <p>{s.noOrders}</p>
      ) : (
        <ul className="plain-list account-orders">
          {me.orders.nodes.map((order) => (
            <li key={order.id} className="account-order">
              <h3>
                {s.orderNumber} {order.number ?? "—"}
              </h3>
              <p className="meta">
                {s.ordered} {formatDate(lang, order.created)} · {s.orderStatuses[order.status] ?? order.status} ·{" "}
                <strong>{formatMoney(lang, order.total)}</strong>
              </p>
              <OrderLines lines={order.lines} />
              <OrderTickets tickets={order.tickets} headingLevel={4} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
