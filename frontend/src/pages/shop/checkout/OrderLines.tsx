/** The cart's lines as the checkout's summary lists them, with a group visit being paid. */
import { useLang } from "../../../i18n";
import { formatMoney } from "../../../i18n/format";
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
      {checkout.visitLines.map((line) => (
        <li key={`visit-${line.id}`} data-testid="checkout-visit-line">
          <span>{line.title}</span>
          <span>{formatMoney(lang, line.total)}</span>
        </li>
      ))}
    </ul>
  );
}
