/**
 * "Forgot password?": ask for a reset link (`requestPasswordReset`). The server answers
 * the same for known and unknown addresses, so the page does too; the link comes back
 * to ResetPassword (`reset?email=&token=`).
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { saleor } from "../../components/account/session";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { PageTitle } from "../../components/PageTitle";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { accountUrl } from "./links";

export function ForgotPassword() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [sent, setSent] = useState<string>();
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.forgotTitle);
  return (
    <div className="page page--narrow account" data-page="account-forgot-password">
      <PageTitle>{s.forgotTitle}</PageTitle>
      <div role="status" aria-live="polite">
        {sent ? <p className="notice">{s.resetSent(sent)}</p> : null}
      </div>
      {sent ? null : (
        <form
          ref={form}
          noValidate
          className="narrow-form"
          onSubmit={submit(
            async () => {
              const { data } = await saleor().auth.requestPasswordReset({
                email: email.trim(),
                redirectUrl: accountUrl(lang, "reset"),
                channel: "default-channel",
              });
              return data?.requestPasswordReset?.errors;
            },
            () => setSent(email.trim()),
          )}
        >
          <p>{s.forgotIntro}</p>
          <FormError message={errors.form ?? errors.redirectUrl} />
          <TextField
            label={s.email}
            type="email"
            autoComplete="email"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SubmitButton busy={busy}>{s.sendResetLink}</SubmitButton>
        </form>
      )}
      <p>
        <Link to={pathFor(lang, "account")}>{s.backToSignIn}</Link>
      </p>
    </div>
  );
}
