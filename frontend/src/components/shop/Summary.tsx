/** The checkout's totals: subtotal, discount, shipping, VAT per rate and the total. */
import { useLang, useStrings } from "../../i18n";
import type { CheckoutFieldsFragment } from "./checkout.generated";
import { formatMoney, formatRate } from "../../i18n/format";
import { SHOP_STRINGS } from "./strings";

export function Summary({ checkout }: { checkout: CheckoutFieldsFragment }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const discount = Number(checkout.discount.amount);
  return (
    <dl className="totals" data-testid="totals">
      <div>
        <dt>{s.subtotal}</dt>
        <dd>{formatMoney(lang, checkout.subtotal.gross)}</dd>
      </div>
      {discount > 0 ? (
        <div>
          <dt>
            {s.discount}
            {checkout.voucherCode ? ` (${checkout.voucherCode})` : ""}
          </dt>
          <dd data-testid="discount">− {formatMoney(lang, checkout.discount)}</dd>
        </div>
      ) : null}
      {checkout.isShippingRequired ? (
        <div>
          <dt>{s.shipping}</dt>
          <dd>{checkout.deliveryMethod ? formatMoney(lang, checkout.shippingPrice.gross) : "—"}</dd>
        </div>
      ) : null}
      <div className="totals__total">
        <dt>{s.totalVatIncluded}</dt>
        <dd data-testid="total">{formatMoney(lang, checkout.total.gross)}</dd>
      </div>
      {checkout.vatBreakdown.map((line) => (
        <div className="totals__vat" key={line.rate}>
          <dt>{s.vat(formatRate(line.rate))}</dt>
          <dd>{formatMoney(lang, { amount: line.vat.amount, currency: line.gross.currency })}</dd>
        </div>
      ))}
    </dl>
  );
}
