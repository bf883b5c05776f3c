/**
 * Checkout on one page, in steps (each in checkout/): contact e-mail, addresses,
 * delivery method, voucher, and payment (checkout/payment.ts holds the card flow), with
 * the order summary beside them; then the confirmation (`?order=<number>`).
 */
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { setCartToken } from "../../components/shop/cartStore";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { Summary } from "../../components/shop/Summary";
import { useCart } from "../../components/shop/useCart";
import { useResumeLink } from "../../components/shop/useResumeLink";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings, useT } from "../../i18n";
import { AddressStep } from "./checkout/AddressStep";
import { Confirmation, rememberOrder, storedOrder } from "./checkout/Confirmation";
import { ContactStep } from "./checkout/ContactStep";
import { DeliveryStep } from "./checkout/DeliveryStep";
import { OrderLines } from "./checkout/OrderLines";
import { PaymentStep } from "./checkout/PaymentStep";
import { isEmpty, type Order } from "./checkout/types";
import { VoucherStep } from "./checkout/VoucherStep";

export default function CheckoutPage() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cart = useCart();
  const resuming = useResumeLink();
  useDocumentMeta(s.checkout);
  const orderNumber = params.get("order");
  if (orderNumber) {
    const order = storedOrder(orderNumber);
    if (order) return <Confirmation order={order} />;
    return (
      <div className="page" data-page="order-confirmation">
        <PageTitle>{s.checkout}</PageTitle>
        <p>{s.noOrder}</p>
      </div>
    );
  }
  if (resuming || cart.loading) return <Loading />;
  if (cart.error && !cart.checkout) return <LoadError error={cart.error} retry={() => cart.refetch()} />;
  const checkout = cart.checkout;
  if (!checkout || isEmpty(checkout)) {
    return (
      <div className="page" data-page="checkout">
        <PageTitle>{s.checkout}</PageTitle>
        <p>{s.cartEmpty}</p>
        <p>
          <Link className="button" to={pathFor(lang, "shop")}>
            {s.continueShopping}
          </Link>
        </p>
      </div>
    );
  }

  function paid(order: Order) {
    rememberOrder({ ...order, pickup: checkout?.deliveryMethod?.kind === "PICKUP" });
    setCartToken(null);
    navigate(`${pathFor(lang, "checkout")}?order=${encodeURIComponent(order.number ?? order.id)}`);
  }

  return (
    <div className="page checkout" data-page="checkout">
      <PageTitle>{s.checkout}</PageTitle>
      {/* One grid: on a phone the summary comes right before the payment step (what is paid, then Pay);
          on a wide screen it stands beside the steps. */}
      <div className="checkout__layout">
        <ContactStep checkout={checkout} />
        <AddressStep checkout={checkout} />
        <DeliveryStep checkout={checkout} />
        <VoucherStep checkout={checkout} />
        <aside className="checkout__summary" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">{s.summary}</h2>
          <OrderLines checkout={checkout} />
          <Summary checkout={checkout} />
          <p>
            <Link to={pathFor(lang, "cart")}>{t.cart}</Link>
          </p>
        </aside>
        <PaymentStep checkout={checkout} onPaid={paid} />
      </div>
    </div>
  );
}
