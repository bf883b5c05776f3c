/**
 * Step 3: how the order reaches the visitor (post, or picked up at the museum desk);
 * saved on click. Once the address makes methods available and none is chosen, the
 * first one is chosen for the visitor, so payment is never locked behind a choice
 * they did not know they had to make; they can change it.
 */
import { useApolloClient } from "@apollo/client";
import { useEffect, useRef, useState } from "react";
import { useSubmit } from "../../../components/form/useSubmit";
import { CheckoutDeliveryMethodDocument } from "../../../components/shop/checkout.generated";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useLang, useStrings } from "../../../i18n";
import { formatMoney } from "../../../i18n/format";
import { Step } from "./Step";
import type { Checkout } from "./types";

export function DeliveryStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const client = useApolloClient();
  const { errors, busy, attempt } = useSubmit();
  // Checked at once on click; the server's answer (or its refusal) then decides.
  const [chosen, setChosen] = useState(checkout.deliveryMethod?.id);
  useEffect(() => setChosen(checkout.deliveryMethod?.id), [checkout.deliveryMethod?.id]);
  const first = checkout.isShippingRequired && !checkout.deliveryMethod ? checkout.availableDeliveryMethods[0]?.id : undefined;
  const preselected = useRef<string>();
  const [preselecting, setPreselecting] = useState(false);
  useEffect(() => {
    // Once per method: if the server refuses it, the visitor chooses.
    if (!first || preselected.current === first) return;
    preselected.current = first;
    setPreselecting(true);
    choose(first).finally(() => setPreselecting(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first]);
  if (!checkout.isShippingRequired) {
    return (
      <Step id="step-delivery" title={s.stepDelivery} done>
        <p>{s.noDeliveryNeeded}</p>
      </Step>
    );
  }

  async function choose(id: string) {
    setChosen(id);
    const ok = await attempt(async () => {
      const { data } = await client.mutate({
        mutation: CheckoutDeliveryMethodDocument,
        variables: { token: checkout.token, id },
      });
      return data?.checkoutDeliveryMethodUpdate?.errors;
    });
    if (!ok) setChosen(checkout.deliveryMethod?.id);
  }

  const methods = checkout.availableDeliveryMethods;
  const error = errors.deliveryMethodId ?? errors.form;
  return (
    <Step id="step-delivery" title={s.stepDelivery} done={Boolean(checkout.deliveryMethod)}>
      {methods.length === 0 ? (
        <p>{s.enterAddressFirst}</p>
      ) : (
        <fieldset
          aria-describedby={error ? "delivery-error" : undefined}
          aria-busy={busy}
          disabled={preselecting}
          data-testid="delivery-methods"
        >
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
                  onChange={() => choose(method.id)}
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
