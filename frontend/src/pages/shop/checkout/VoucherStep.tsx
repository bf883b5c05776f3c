/** Step 4: a voucher code, applied or removed; any refusal is shown at the code's field. */
import { useApolloClient } from "@apollo/client";
import { useState } from "react";
import { TextField } from "../../../components/form/Field";
import { SubmitButton } from "../../../components/form/SubmitButton";
import { useSubmit } from "../../../components/form/useSubmit";
import { CheckoutPromoCodeDocument, CheckoutRemovePromoCodeDocument } from "../../../components/shop/checkout.generated";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useStrings } from "../../../i18n";
import { Step } from "./Step";
import type { Checkout } from "./types";

export function VoucherStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const [code, setCode] = useState("");
  const { errors, busy, form, submit } = useSubmit();
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
          onSubmit={submit(
            async () => {
              const { data } = await client.mutate({
                mutation: CheckoutPromoCodeDocument,
                variables: { token: checkout.token, code: code.trim() },
              });
              // Whatever went wrong (unknown code, expired, the form), it is the code's field that says so.
              return data?.checkoutAddPromoCode?.errors.map((error) => ({ ...error, field: "promoCode" }));
            },
            () => setCode(""),
          )}
        >
          <TextField
            label={s.voucher}
            autoComplete="off"
            value={code}
            error={errors.promoCode ?? errors.form}
            onChange={(event) => setCode(event.target.value)}
          />
          <SubmitButton busy={busy} variant="secondary">
            {s.apply}
          </SubmitButton>
        </form>
      )}
    </Step>
  );
}
