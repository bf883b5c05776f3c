/**
 * Checkout on one page, in steps: contact e-mail, addresses, delivery method, voucher,
 * summary, and payment; then the confirmation (`?order=<number>`) with the order's lines,
 * total and download links.
 *
 * Payment (works on real Stripe and on localstripe's Stripe.js stand-in):
 *  1. `checkoutPaymentMethodSetup` gives a SetupIntent's client secret, the publishable
 *     key and where to load Stripe.js from; the Card Element is mounted.
 *  2. `stripe.confirmCardSetup(secret, { payment_method: { card } })` sends the card to
 *     Stripe (never to us) and answers a payment method.
 *  3. `checkoutPaymentCreate(token, paymentMethodId)`: the server creates and confirms the
 *     PaymentIntent for the amount due now; `requires_action` means 3-D Secure, which
 *     `stripe.confirmCardPayment(clientSecret)` handles.
 *  4. `checkoutComplete(token)` answers the order (the webhook may have placed it first:
 *     the same order comes back).
 * A signed-in customer's payment and completion go with their token (the SDK's client),
 * so the order lands in their account.
 */
import { useApolloClient } from "@apollo/client";
import type { Stripe, StripeCardElement } from "@stripe/stripe-js";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { hasStoredSession, authClient, sessionSettled, useSession } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { AddressFields, EMPTY_ADDRESS, addressValues, type AddressValues } from "../../components/shop/AddressForm";
import { setCartToken } from "../../components/shop/cartStore";
import {
  CheckoutBillingAddressDocument,
  CheckoutCardSetupDocument,
  CheckoutCompleteDocument,
  CheckoutDeliveryMethodDocument,
  CheckoutEmailDocument,
  CheckoutPayDocument,
  CheckoutPromoCodeDocument,
  CheckoutRemovePromoCodeDocument,
  CheckoutShippingAddressDocument,
  type CheckoutCompleteMutation,
  type CheckoutFieldsFragment,
} from "../../components/shop/checkout.generated";
import { byField, errorText, focusFirstError, type PayloadError } from "../../components/shop/errors";
import { FormError, TextField } from "../../components/shop/Field";
import { formatMoney } from "../../components/shop/money";
import { stripeFor } from "../../components/shop/stripe";
import { SHOP_STRINGS, type ShopStrings } from "../../components/shop/strings";
import { Summary } from "../../components/shop/Summary";
import { useCart } from "../../components/shop/useCart";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings, useT } from "../../i18n";

type Checkout = CheckoutFieldsFragment;
type Order = NonNullable<NonNullable<CheckoutCompleteMutation["checkoutComplete"]>["order"]>;
type Answer = { errors: PayloadError[]; checkout?: Checkout | null };

const LAST_ORDER = "vitrine.lastOrder";

function Step({ id, title, done, children }: { id: string; title: string; done?: boolean; children: ReactNode }) {
  return (
    <section className={`checkout-step${done ? " checkout-step--done" : ""}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Runs a cart mutation; returns its errors by field (empty when it went through). */
function useSubmit(s: ShopStrings) {
  return async (run: () => Promise<Answer | null | undefined>): Promise<Record<string, string>> => {
    try {
      const answer = await run();
      return answer ? byField(s, answer.errors) : { form: s.errors.unknown };
    } catch {
      return { form: s.errors.unknown };
    }
  };
}

function ContactStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const session = useSession();
  const submit = useSubmit(s);
  const [email, setEmail] = useState(checkout.email ?? session.user?.email ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(!checkout.email);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!checkout.email && !email && session.user?.email) setEmail(session.user.email);
  }, [checkout.email, email, session.user?.email]);

  if (!editing && checkout.email) {
    return (
      <Step id="step-contact" title={s.stepContact} done>
        <p>
          {checkout.email}{" "}
          <button type="button" className="button--link" onClick={() => setEditing(true)}>
            {s.change}
          </button>
        </p>
      </Step>
    );
  }
  return (
    <Step id="step-contact" title={s.stepContact}>
      <form
        ref={form}
        noValidate
        onSubmit={async (event: FormEvent) => {
          event.preventDefault();
          const found = await submit(async () => {
            const { data } = await client.mutate({
              mutation: CheckoutEmailDocument,
              variables: { token: checkout.token, email: email.trim() },
            });
            return data?.checkoutEmailUpdate;
          });
          setErrors(found);
          if (Object.keys(found).length) focusFirstError(form.current);
          else setEditing(false);
        }}
      >
        <FormError message={errors.form} />
        <TextField
          label={s.email}
          type="email"
          autoComplete="email"
          required
          help={s.emailHelp}
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="button">
          {s.saveAndContinue}
        </button>
      </form>
    </Step>
  );
}

function addressLine(address: NonNullable<Checkout["shippingAddress"]>): string {
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

function AddressStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const submit = useSubmit(s);
  const shipped = checkout.isShippingRequired;
  const [shipping, setShipping] = useState<AddressValues>(
    checkout.shippingAddress ? addressValues(checkout.shippingAddress) : EMPTY_ADDRESS,
  );
  const [billing, setBilling] = useState<AddressValues>(
    checkout.billingAddress ? addressValues(checkout.billingAddress) : EMPTY_ADDRESS,
  );
  const [same, setSame] = useState(true);
  const [errors, setErrors] = useState<{ shipping: Record<string, string>; billing: Record<string, string> }>({
    shipping: {},
    billing: {},
  });
  const complete = Boolean(checkout.billingAddress && (!shipped || checkout.shippingAddress));
  const [editing, setEditing] = useState(!complete);
  const form = useRef<HTMLFormElement>(null);

  if (!editing && complete) {
    return (
      <Step id="step-address" title={s.stepAddress} done>
        {shipped && checkout.shippingAddress ? (
          <p>
            <strong>{s.shippingAddress}:</strong> {addressLine(checkout.shippingAddress)}
          </p>
        ) : null}
        {checkout.billingAddress ? (
          <p>
            <strong>{s.billingAddress}:</strong> {addressLine(checkout.billingAddress)}
          </p>
        ) : null}
        <button type="button" className="button--link" onClick={() => setEditing(true)}>
          {s.change}
        </button>
      </Step>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const next = { shipping: {} as Record<string, string>, billing: {} as Record<string, string> };
    if (shipped) {
      next.shipping = await submit(async () => {
        const { data } = await client.mutate({
          mutation: CheckoutShippingAddressDocument,
          variables: { token: checkout.token, address: shipping },
        });
        return data?.checkoutShippingAddressUpdate;
      });
    }
    if (!Object.keys(next.shipping).length) {
      const address = shipped && same ? shipping : billing;
      next.billing = await submit(async () => {
        const { data } = await client.mutate({
          mutation: CheckoutBillingAddressDocument,
          variables: { token: checkout.token, address },
        });
        return data?.checkoutBillingAddressUpdate;
      });
      if (shipped && same) {
        next.shipping = next.billing;
        next.billing = {};
      }
    }
    setErrors(next);
    if (Object.keys(next.shipping).length || Object.keys(next.billing).length) focusFirstError(form.current);
    else setEditing(false);
  }

  return (
    <Step id="step-address" title={s.stepAddress}>
      <form ref={form} noValidate onSubmit={save}>
        <FormError message={errors.shipping.form ?? errors.billing.form} />
        {shipped ? (
          <fieldset>
            <legend>{s.shippingAddress}</legend>
            <AddressFields section="shipping" values={shipping} onChange={setShipping} errors={errors.shipping} />
          </fieldset>
        ) : null}
        {shipped ? (
          <div className="field field--check">
            <input id="billing-same" type="checkbox" checked={same} onChange={(event) => setSame(event.target.checked)} />
            <label htmlFor="billing-same">{s.billingSame}</label>
          </div>
        ) : null}
        {!shipped || !same ? (
          <fieldset>
            <legend>{s.billingAddress}</legend>
            <AddressFields section="billing" values={billing} onChange={setBilling} errors={errors.billing} />
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {s.saveAndContinue}
        </button>
      </form>
    </Step>
  );
}

function DeliveryStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const client = useApolloClient();
  const submit = useSubmit(s);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Checked at once on click; the server's answer (or its refusal) then decides.
  const [chosen, setChosen] = useState(checkout.deliveryMethod?.id);
  useEffect(() => setChosen(checkout.deliveryMethod?.id), [checkout.deliveryMethod?.id]);
  if (!checkout.isShippingRequired) {
    return (
      <Step id="step-delivery" title={s.stepDelivery} done>
        <p>{s.noDeliveryNeeded}</p>
      </Step>
    );
  }
  const methods = checkout.availableDeliveryMethods;
  const error = errors.deliveryMethodId ?? errors.form;
  return (
    <Step id="step-delivery" title={s.stepDelivery} done={Boolean(checkout.deliveryMethod)}>
      {methods.length === 0 ? (
        <p>{s.enterAddressFirst}</p>
      ) : (
        <fieldset aria-describedby={error ? "delivery-error" : undefined} aria-busy={busy}>
          <legend>{s.deliveryMethod}</legend>
          {methods.map((method) => {
            const price = Number(method.price.amount) === 0 ? s.free : formatMoney(lang, method.price);
            return (
              <div className="field field--check" key={method.id}>
                <input
                  type="radio"
                  name="delivery"
                  id={`delivery-${method.id}`}
                  value={method.id}
                  checked={chosen === method.id}
                  aria-invalid={error ? true : undefined}
                  onChange={async () => {
                    setChosen(method.id);
                    setBusy(true);
                    const found = await submit(async () => {
                      const { data } = await client.mutate({
                        mutation: CheckoutDeliveryMethodDocument,
                        variables: { token: checkout.token, id: method.id },
                      });
                      return data?.checkoutDeliveryMethodUpdate;
                    });
                    setBusy(false);
                    setErrors(found);
                    if (Object.keys(found).length) setChosen(checkout.deliveryMethod?.id);
                  }}
                />
                <label htmlFor={`delivery-${method.id}`}>
                  {method.kind === "PICKUP" ? s.pickup : method.name} — {price}
                  {method.freeAbove ? <span className="meta"> ({s.freeAbove(formatMoney(lang, method.freeAbove))})</span> : null}
                </label>
              </div>
            );
          })}
          {error ? (
            <p className="field__error" id="delivery-error">
              {error}
            </p>
          ) : null}
        </fieldset>
      )}
    </Step>
  );
}

function VoucherStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const submit = useSubmit(s);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  return (
    <Step id="step-voucher" title={s.stepVoucher} done={Boolean(checkout.voucherCode)}>
      <div role="status" aria-live="polite">
        {checkout.voucherCode ? <p className="notice">{s.voucherApplied(checkout.voucherCode)}</p> : null}
      </div>
      {checkout.voucherCode ? (
        <button
          type="button"
          className="button--link"
          onClick={() =>
            client.mutate({ mutation: CheckoutRemovePromoCodeDocument, variables: { token: checkout.token } })
          }
        >
          {s.removeVoucher}
        </button>
      ) : (
        <form
          ref={form}
          className="inline-form"
          noValidate
          onSubmit={async (event: FormEvent) => {
            event.preventDefault();
            const found = await submit(async () => {
              const { data } = await client.mutate({
                mutation: CheckoutPromoCodeDocument,
                variables: { token: checkout.token, code: code.trim() },
              });
              return data?.checkoutAddPromoCode;
            });
            const message = found.promoCode ?? found.form ?? found.token;
            setErrors(message ? { promoCode: message } : {});
            if (message) focusFirstError(form.current);
            else setCode("");
          }}
        >
          <TextField
            label={s.voucher}
            autoComplete="off"
            value={code}
            error={errors.promoCode}
            onChange={(event) => setCode(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {s.apply}
          </button>
        </form>
      )}
    </Step>
  );
}

function isReady(checkout: Checkout): boolean {
  if (!checkout.email || !checkout.billingAddress || checkout.lines.length === 0) return false;
  if (!checkout.isShippingRequired) return true;
  const method = checkout.deliveryMethod;
  return Boolean(method && (method.kind === "PICKUP" || checkout.shippingAddress));
}

type CardForm = { stripe: Stripe; card: StripeCardElement; secret: string };

function PaymentStep({ checkout, onPaid }: { checkout: Checkout; onPaid: (order: Order) => void }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const client = useApolloClient();
  const ready = isReady(checkout);
  const mount = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<CardForm | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function newSetup() {
    const { data } = await client.mutate({ mutation: CheckoutCardSetupDocument, variables: { token: checkout.token } });
    const payload = data?.checkoutPaymentMethodSetup;
    if (!payload?.setup) throw new Error(payload?.errors.map((e) => errorText(s, e)).join(" ") || s.errors.unknown);
    return payload.setup;
  }

  // Stripe.js loads only now: the visitor reached the payment step with a ready checkout.
  useEffect(() => {
    if (!ready || form) return undefined;
    let canceled = false;
    let card: StripeCardElement | null = null;
    (async () => {
      try {
        const setup = await newSetup();
        const stripe = await stripeFor(setup.stripeJsUrl, setup.publishableKey);
        if (!stripe) throw new Error(s.errors.unknown);
        if (canceled || !mount.current) return;
        card = stripe.elements({ locale: lang }).create("card", { hidePostalCode: true });
        card.mount(mount.current);
        setForm({ stripe, card, secret: setup.clientSecret });
      } catch (failure) {
        if (!canceled) setError(failure instanceof Error ? failure.message : s.errors.unknown);
      }
    })();
    return () => {
      canceled = true;
      card?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  function fail(message: string) {
    setError(message);
    setBusy(false);
    window.requestAnimationFrame(() => errorRef.current?.focus());
  }

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(undefined);
    const { stripe, card } = form;
    const confirmed = await stripe.confirmCardSetup(form.secret, {
      payment_method: { card, billing_details: { email: checkout.email ?? undefined } },
    });
    const paymentMethod = confirmed.setupIntent?.payment_method;
    if (confirmed.error || !paymentMethod) {
      // A used or failed SetupIntent cannot be confirmed again: fetch a new one.
      newSetup()
        .then((setup) => setForm({ ...form, secret: setup.clientSecret }))
        .catch(() => undefined);
      return fail(confirmed.error?.message ?? s.paymentFailed);
    }
    const paymentMethodId = typeof paymentMethod === "string" ? paymentMethod : paymentMethod.id;
    // Signed in? Pay and complete with the customer's token, so the order is theirs.
    let api = client;
    if (hasStoredSession()) {
      await sessionSettled();
      if (hasStoredSession()) api = authClient() as typeof client;
    }
    try {
      const { data } = await api.mutate({
        mutation: CheckoutPayDocument,
        variables: { token: checkout.token, paymentMethodId },
      });
      const started = data?.checkoutPaymentCreate;
      if (!started?.payment) {
        newSetup()
          .then((setup) => setForm({ ...form, secret: setup.clientSecret }))
          .catch(() => undefined);
        return fail(started?.errors.map((e) => errorText(s, e)).join(" ") || s.paymentFailed);
      }
      if (started.payment.status === "requires_action") {
        const authenticated = await stripe.confirmCardPayment(started.payment.clientSecret);
        if (authenticated.error || authenticated.paymentIntent?.status !== "succeeded") {
          newSetup()
            .then((setup) => setForm({ ...form, secret: setup.clientSecret }))
            .catch(() => undefined);
          return fail(authenticated.error?.message ?? s.paymentFailed);
        }
      }
      const completed = await api.mutate({ mutation: CheckoutCompleteDocument, variables: { token: checkout.token } });
      const answer = completed.data?.checkoutComplete;
      if (answer?.order) {
        onPaid(answer.order);
        return undefined;
      }
      return fail(answer?.errors.map((e) => errorText(s, e)).join(" ") || s.paymentFailed);
    } catch {
      return fail(s.errors.unknown);
    }
  }

  return (
    <Step id="step-payment" title={s.stepPayment}>
      {!ready ? (
        <p>{s.completeStepsFirst}</p>
      ) : (
        <form onSubmit={pay} noValidate aria-describedby={error ? "payment-error" : undefined}>
          <div className="field">
            <span className="field__label" id="card-label">
              {s.card}
            </span>
            <div className="card-element" ref={mount} role="group" aria-labelledby="card-label" aria-describedby="card-help" data-testid="card-element" />
            <p className="field__help" id="card-help">
              {s.cardHelp}
            </p>
            {!form && !error ? (
              <p className="meta" role="status">
                {s.loadingPayment}
              </p>
            ) : null}
          </div>
          {error ? (
            <p className="form-error" role="alert" id="payment-error" tabIndex={-1} ref={errorRef}>
              {error}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={!form || busy}>
            {busy ? s.paying : s.pay(formatMoney(lang, checkout.total.gross))}
          </button>
        </form>
      )}
    </Step>
  );
}

function Lines({ checkout }: { checkout: Checkout }) {
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
    </ul>
  );
}

function Confirmation({ order }: { order: Order }) {
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

function storedOrder(number: string): Order | null {
  try {
    const order = JSON.parse(window.sessionStorage.getItem(LAST_ORDER) ?? "null") as Order | null;
    return order && (order.number ?? order.id) === number ? order : null;
  } catch {
    return null;
  }
}

export default function CheckoutPage() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const cart = useCart();
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
  if (cart.loading) return <Loading />;
  if (cart.error && !cart.checkout) return <LoadError error={cart.error} retry={() => cart.refetch()} />;
  const checkout = cart.checkout;
  if (!checkout || checkout.lines.length === 0) {
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
    try {
      window.sessionStorage.setItem(LAST_ORDER, JSON.stringify(order));
    } catch {
      // the confirmation still shows below through the URL's state
    }
    setCartToken(null);
    navigate(`${pathFor(lang, "checkout")}?order=${encodeURIComponent(order.number ?? order.id)}`);
  }

  return (
    <div className="page checkout" data-page="checkout">
      <PageTitle>{s.checkout}</PageTitle>
      <div className="checkout__layout">
        <div className="checkout__steps">
          <ContactStep checkout={checkout} />
          <AddressStep checkout={checkout} />
          <DeliveryStep checkout={checkout} />
          <VoucherStep checkout={checkout} />
          <PaymentStep checkout={checkout} onPaid={paid} />
        </div>
        <aside className="checkout__summary" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">{s.summary}</h2>
          <Lines checkout={checkout} />
          <Summary checkout={checkout} />
          <p>
            <Link to={pathFor(lang, "cart")}>{t.cart}</Link>
          </p>
        </aside>
      </div>
    </div>
  );
}
