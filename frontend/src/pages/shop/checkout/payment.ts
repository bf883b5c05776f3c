/**
 * Paying a checkout by card, as one function with a result instead of a page full of
 * early returns (works on real Stripe and on localstripe's Stripe.js stand-in):
 *
 *  1. `confirmCardSetup` sends the card to Stripe (never to us) with the SetupIntent the
 *     payment step prepared, and answers a payment method;
 *  2. `createPayment(paymentMethodId)` (`checkoutPaymentCreate`): the server creates and
 *     confirms the PaymentIntent for the amount due now; `requires_action` means 3-D
 *     Secure, which `authenticate(clientSecret)` (`stripe.confirmCardPayment`) handles;
 *  3. `complete()` (`checkoutComplete`) answers the order (Stripe's webhook may have
 *     placed it first: the same order comes back).
 *
 * The steps are passed in, so the flow is tested without a browser or a server
 * (payment.test.ts); the payment step wires them to Stripe.js and the API.
 */
import { errorText, type ErrorStrings, type PayloadError } from "../../../components/form/errors";

export type PaymentResult<O> =
  | { ok: true; order: O }
  /** `message` is for the visitor; `freshSetupNeeded`: the card's SetupIntent is used up, prepare a new one. */
  | { ok: false; message: string; freshSetupNeeded: boolean };

type Payload = { errors: readonly PayloadError[] };

export type CardPaymentSteps<O> = {
  confirmCardSetup(): Promise<{ paymentMethodId?: string | null; error?: string | null }>;
  createPayment(
    paymentMethodId: string,
  ): Promise<(Payload & { payment?: { status: string; clientSecret: string } | null }) | null | undefined>;
  authenticate(clientSecret: string): Promise<{ succeeded: boolean; error?: string | null }>;
  complete(): Promise<(Payload & { order?: O | null }) | null | undefined>;
};

export type PaymentStrings = ErrorStrings & { paymentFailed: string };

function worded(strings: PaymentStrings, payload: Payload | null | undefined): string {
  return payload?.errors.map((error) => errorText(strings, error)).join(" ") || strings.paymentFailed;
}

export async function payByCard<O>(steps: CardPaymentSteps<O>, strings: PaymentStrings): Promise<PaymentResult<O>> {
  let setupUsed = false;
  try {
    const confirmed = await steps.confirmCardSetup();
    setupUsed = true;
    if (confirmed.error || !confirmed.paymentMethodId) {
      return { ok: false, message: confirmed.error || strings.paymentFailed, freshSetupNeeded: true };
    }
    const started = await steps.createPayment(confirmed.paymentMethodId);
    if (!started?.payment) return { ok: false, message: worded(strings, started), freshSetupNeeded: true };
    if (started.payment.status === "requires_action") {
      const authenticated = await steps.authenticate(started.payment.clientSecret);
      if (authenticated.error || !authenticated.succeeded) {
        return { ok: false, message: authenticated.error || strings.paymentFailed, freshSetupNeeded: true };
      }
    }
    // Paid: if completing fails now, paying again is not what the visitor should do.
    const completed = await steps.complete();
    if (completed?.order) return { ok: true, order: completed.order };
    return { ok: false, message: worded(strings, completed), freshSetupNeeded: false };
  } catch {
    return { ok: false, message: strings.errors.unknown, freshSetupNeeded: setupUsed };
  }
}
