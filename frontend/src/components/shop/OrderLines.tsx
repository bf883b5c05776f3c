/** An order's lines as the buyer reads them on the confirmation, the order's own page and
 * the account's orders (the fields of OrderLineFields):
 * quantity, product, variant, a download link for what was bought as a file, the price. */
import { useLang, useStrings } from "../../i18n";
import { formatMoney } from "../../i18n/format";
import type { OrderLineFieldsFragment } from "./checkout.generated";
import { SHOP_STRINGS } from "./strings";

export function OrderLines({ lines, testId }: { lines: readonly OrderLineFieldsFragment[]; testId?: string }) {
  const lang = useLang();
  const s = useStrings(SHOP_STRINGS);
  return (
    <ul className="plain-list summary-lines" data-testid={testId}>
      {lines.map((line) => (
        <li key={`${line.sku}-${line.productName}`}>
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
  );
}
