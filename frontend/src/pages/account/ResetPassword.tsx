/**
 * The reset e-mail's link (`reset?email=&token=`): choose a new password
 * (`setPassword`). The server then signs the customer in (the SDK stores the tokens),
 * so the account opens; a used, expired or altered link says so and offers a new one.
 */
import { useState } from "react";
import { Link, Navigate, useSearchParams } from "react-router-dom";
import { saleor, useSession } from "../../components/account/session";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { useSubmit } from "../../components/form/useSubmit";
import { PageTitle } from "../../components/PageTitle";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";

export function ResetPassword() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const session = useSession();
  const [params] = useSearchParams();
  const email = params.get("email") ?? "";
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.newPasswordTitle);
  if (done && session.user) return <Navigate to={pathFor(lang, "account")} replace />;
  const forgot = `${pathFor(lang, "account")}/forgot${email ? `?email=${encodeURIComponent(email)}` : ""}`;
  return (
    <div className="page page--narrow account" data-page="account-reset-password">
      <PageTitle>{s.newPasswordTitle}</PageTitle>
      {!email || !token ? (
        <FormError message={s.resetLinkIncomplete} />
      ) : (
        <form
          ref={form}
          noValidate
          className="narrow-form"
          onSubmit={submit(
            async () => {
              const { data } = await saleor().auth.setPassword({ email, token, password });
              // A bad link is no field's fault: say so above the form, with the way to a new one.
              return data?.setPassword?.errors.map((error) =>
                error.field === "token" || error.field === "email" ? { ...error, field: null, code: "JWT_INVALID_TOKEN" } : error,
              );
            },
            () => setDone(true),
          )}
        >
          <p>{s.newPasswordFor(email)}</p>
          <FormError message={errors.form} />
          <TextField
            label={s.newPassword}
            type="password"
            autoComplete="new-password"
            required
            help={s.passwordHelp}
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitButton busy={busy}>{s.setNewPassword}</SubmitButton>
        </form>
      )}
      <p>
        <Link to={forgot}>{s.requestNewLink}</Link>
      </p>
    </div>
  );
}
