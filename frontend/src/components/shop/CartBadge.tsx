/**
 * The number of items in the cart, beside the cart link in the header. It asks only for
 * the count (every page loads this), and updates by itself when a cart mutation answers
 * (Apollo keys checkouts by token). The digits are hidden from screen readers; the link's
 * accessible name says it in words.
 */
import { useQuery } from "@apollo/client";
import { defineStrings, useStrings } from "../../i18n";
import { useCartToken } from "./cartStore";
import { CartCountDocument } from "./cartBadge.generated";
import "./shop.css";

const S = defineStrings({
  nl: (count: number) => (count === 1 ? "1 artikel" : `${count} artikelen`),
  en: (count: number) => (count === 1 ? "1 item" : `${count} items`),
  fr: (count: number) => (count === 1 ? "1 article" : `${count} articles`),
});

export function CartBadge() {
  const items = useStrings(S);
  const token = useCartToken();
  const { data } = useQuery(CartCountDocument, { variables: { token: token ?? "" }, skip: !token });
  const count = token ? (data?.checkout?.quantity ?? 0) : 0;
  if (!count) return null;
  return (
    <>
      <span className="cart-badge" aria-hidden="true" data-testid="cart-badge">
        {count}
      </span>
      <span className="visually-hidden">({items(count)})</span>
    </>
  );
}
