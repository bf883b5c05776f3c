/** The cart's lines (products, then tickets, then a group visit being paid) as the
 * checkout's summary lists them. */
import { useLang } from "../../../i18n";
import { formatDateTime, formatMoney } from "../../../i18n/format";
import type { Checkout } from "./types";

export function OrderLines({ checkout }: { checkout: Checkout }) {
  const lang = useLang();
  return (
    <ul className="plain-list summary-lines">
      {checkout.lines.map((line) => (
        <li key={line.id}>
          <span>
            {line.quantity} × {line.productTitle}
            {line.variant.label ? ` (${line.variant.label})` : ""}
          </span>
          <span>{formatMoney(lang, line.totalPrice.gross)}</span>
        </li>
      ))}
      {checkout.ticketLines.map((line) => (
        <li key={`ticket-${line.id}`}>
          <span>
            {line.quantity} × {line.offerName} ({line.category.name}, {formatDateTime(lang, line.slot.startsAt)})
          </span>
          <span>{formatMoney(lang, { amount: Number(line.category.price.amount) * line.quantity, currency: line.category.price.currency })}</span>
        </li>
      ))}
      {checkout.visitLines.map((line) => (
        <li key={`visit-${line.id}`} data-testid="checkout-visit-line">
          <span>{line.title}</span>
          <span>{formatMoney(lang, line.total)}</span>
        </li>
      ))}
    </ul>
  );
}
