/** The checkout as every step receives it, and the order the payment answers. */
import type { CheckoutCompleteMutation, CheckoutFieldsFragment } from "../../../components/shop/checkout.generated";

export type Checkout = CheckoutFieldsFragment;
export type Order = NonNullable<NonNullable<CheckoutCompleteMutation["checkoutComplete"]>["order"]>;
export type Address = NonNullable<Checkout["shippingAddress"]>;

/** An address on one line: "Lieven Bauwens, Korenmarkt 1, 9000 Gent, Belgium". */
export function addressLine(address: Address): string {
  return [
    `${address.firstName} ${address.lastName}`,
    address.companyName,
    address.streetAddress1,
    address.streetAddress2,
    `${address.postalCode} ${address.city}`,
    address.country.country,
  ]
    .filter(Boolean)
    .join(", ");
}

/** Nothing to pay for: no goods, no tickets and no group visit (shop/visits, paid online). */
export function isEmpty(checkout: Checkout): boolean {
  return (
    checkout.lines.length === 0 &&
    checkout.ticketLines.length === 0 &&
    checkout.visitLines.length === 0
  );
}
