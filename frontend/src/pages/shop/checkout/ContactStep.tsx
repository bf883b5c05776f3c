/** Step 1: the e-mail address the order confirmation goes to (the customer's, when signed in). */
import { useApolloClient } from "@apollo/client";
import { useEffect, useState } from "react";
import { useSession } from "../../../components/account/session";
import { FormError, TextField } from "../../../components/form/Field";
import { SubmitButton } from "../../../components/form/SubmitButton";
import { useSubmit } from "../../../components/form/useSubmit";
import { CheckoutEmailDocument } from "../../../components/shop/checkout.generated";
import { SHOP_STRINGS } from "../../../components/shop/strings";
import { useStrings } from "../../../i18n";
import { Step } from "./Step";
import type { Checkout } from "./types";

export function ContactStep({ checkout }: { checkout: Checkout }) {
  const s = useStrings(SHOP_STRINGS);
  const client = useApolloClient();
  const session = useSession();
  const [email, setEmail] = useState(checkout.email ?? session.user?.email ?? "");
  const [editing, setEditing] = useState(!checkout.email);
  const { errors, busy, form, submit } = useSubmit();
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
        onSubmit={submit(
          async () => {
            const { data } = await client.mutate({
              mutation: CheckoutEmailDocument,
              variables: { token: checkout.token, email: email.trim() },
            });
            return data?.checkoutEmailUpdate?.errors;
          },
          () => setEditing(false),
        )}
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
        <SubmitButton busy={busy}>{s.saveAndContinue}</SubmitButton>
      </form>
    </Step>
  );
}
