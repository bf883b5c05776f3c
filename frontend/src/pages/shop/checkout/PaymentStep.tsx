/**
 * Step 5: the card, in Stripe's Card Element, and the Pay button. Stripe.js loads only
 * here, once the checkout is ready to be paid (the server's `problems` are empty; what
 * is still missing is listed instead); the flow itself is `payByCard`
 * (payment.ts). A signed-in customer pays and completes with their token (the SDK's
 * client), so the order lands in their account.
 */
import { useApolloClient } from "@apollo/client";
import type { Stripe, StripeCardElement } from "@stripe/stripe-js";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { authClient, hasStoredSession, sessionSettled } from "../../../components/account/session";
import { errorText } from "../../../components/form/errors";
import { SubmitButton } from "../../../components/form/SubmitButton";
import {
  CheckoutCardSetupDocument,
  CheckoutCompleteDocument,
  CheckoutPayDocument,
} from "../../../components/shop/checkout.generated";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { stripeFor } from "../../../components/shop/stripe";
import { useLang, useStrings } from "../../../i18n";
import { formatMoney } from "../../../i18n/format";
import { payByCard } from "./payment";
import { readiness } from "./readiness";
import { Step } from "./Step";
import type { Checkout, Order } from "./types";

type CardForm = { stripe: Stripe; card: StripeCardElement; secret: string };

export function PaymentStep({ checkout, onPaid }: { checkout: Checkout; onPaid: (order: Order) => void }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const client = useApolloClient();
  const { ready, reasons } = readiness(checkout, s);
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

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setError(undefined);
    const { stripe, card } = form;
    // Signed in? Pay and complete with the customer's token, so the order is theirs.
    let api = client;
    if (hasStoredSession()) {
      await sessionSettled();
      if (hasStoredSession()) api = authClient() as typeof client;
    }
    const result = await payByCard<Order>(
      {
        async confirmCardSetup() {
          const confirmed = await stripe.confirmCardSetup(form.secret, {
            payment_method: { card, billing_details: { email: checkout.email ?? undefined } },
          });
          const method = confirmed.setupIntent?.payment_method;
          return {
            error: confirmed.error?.message,
            paymentMethodId: typeof method === "string" ? method : method?.id,
          };
        },
        async createPayment(paymentMethodId) {
          const { data } = await api.mutate({
            mutation: CheckoutPayDocument,
            variables: { token: checkout.token, paymentMethodId },
          });
          return data?.checkoutPaymentCreate;
        },
        async authenticate(clientSecret) {
          const authenticated = await stripe.confirmCardPayment(clientSecret);
          return { error: authenticated.error?.message, succeeded: authenticated.paymentIntent?.status === "succeeded" };
        },
        async complete() {
          const { data } = await api.mutate({ mutation: CheckoutCompleteDocument, variables: { token: checkout.token } });
          return data?.checkoutComplete;
        },
      },
      s,
    );
    if (result.ok) {
      onPaid(result.order);
      return;
    }
    // A used or failed SetupIntent cannot be confirmed again: fetch a new one.
    if (result.freshSetupNeeded) {
      newSetup()
        .then((setup) => setForm({ ...form, secret: setup.clientSecret }))
        .catch(() => undefined);
    }
    setError(result.message);
    setBusy(false);
    window.requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <Step id="step-payment" title={s.stepPayment}>
      {!ready ? (
        <div data-testid="checkout-problems">
          <p>{s.completeStepsFirst}</p>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : (
        <form onSubmit={pay} noValidate aria-describedby={error ? "payment-error" : undefined}>
          <div className="field">
            <span className="field__label" id="card-label">
              {s.card}
            </span>
            <div
              className="card-element"
              ref={mount}
              role="group"
              aria-labelledby="card-label"
              aria-describedby="card-help"
              data-testid="card-element"
            />
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
          <SubmitButton busy={busy} pending={s.paying} disabled={!form}>
            {s.pay(formatMoney(lang, checkout.total.gross))}
          </SubmitButton>
        </form>
      )}
    </Step>
  );
}
