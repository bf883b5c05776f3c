/**
 * Step 2: the shipping address (when something is shipped) and the billing address,
 * the same one unless the visitor says otherwise. Both are saved by one submit; their
 * errors are kept apart by section ("shipping.postalCode", "billing.city").
 */
import { useApolloClient } from "@apollo/client";
import { useState } from "react";
import { FormError } from "../../../components/form/Field";
import { SubmitButton } from "../../../components/form/SubmitButton";
import { inSection, ofSection, useSubmit } from "../../../components/form/useSubmit";
import { AddressFields, EMPTY_ADDRESS, addressValues, type AddressValues } from "../../../components/shop/AddressForm";
import { CheckoutBillingAddressDocument, CheckoutShippingAddressDocument } from "../../../components/shop/checkout.generated";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useStrings } from "../../../i18n";
import { Step } from "./Step";
import { addressLine, type Checkout } from "./types";

export function AddressStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const shipped = checkout.isShippingRequired;
  const [shipping, setShipping] = useState<AddressValues>(
    checkout.shippingAddress ? addressValues(checkout.shippingAddress) : EMPTY_ADDRESS,
  );
  const [billing, setBilling] = useState<AddressValues>(
    checkout.billingAddress ? addressValues(checkout.billingAddress) : EMPTY_ADDRESS,
  );
  const [same, setSame] = useState(true);
  const complete = Boolean(checkout.billingAddress && (!shipped || checkout.shippingAddress));
  const [editing, setEditing] = useState(!complete);
  const { errors, busy, form, submit } = useSubmit();

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

  async function save() {
    if (shipped) {
      const { data } = await client.mutate({
        mutation: CheckoutShippingAddressDocument,
        variables: { token: checkout.token, address: shipping },
      });
      const found = data?.checkoutShippingAddressUpdate?.errors;
      if (!found || found.length) return inSection("shipping", found);
    }
    const { data } = await client.mutate({
      mutation: CheckoutBillingAddressDocument,
      variables: { token: checkout.token, address: shipped && same ? shipping : billing },
    });
    // With "the same address" there is only the shipping form to show the errors in.
    return inSection(shipped && same ? "shipping" : "billing", data?.checkoutBillingAddressUpdate?.errors);
  }

  return (
    <Step id="step-address" title={s.stepAddress}>
      <form ref={form} noValidate onSubmit={submit(save, () => setEditing(false))}>
        <FormError message={errors.form} />
        {shipped ? (
          <fieldset>
            <legend>{s.shippingAddress}</legend>
            <AddressFields section="shipping" values={shipping} onChange={setShipping} errors={ofSection("shipping", errors)} />
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
            <AddressFields section="billing" values={billing} onChange={setBilling} errors={ofSection("billing", errors)} />
          </fieldset>
        ) : null}
        <SubmitButton busy={busy}>{s.saveAndContinue}</SubmitButton>
      </form>
    </Step>
  );
}
