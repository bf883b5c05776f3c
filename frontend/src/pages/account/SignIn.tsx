/**
 * Sign in with e-mail and password (the SDK keeps the session). A refusal (wrong
 * password, unknown address, too many attempts) is announced above the form, in the
 * visitor's language, and the typed e-mail stays; "Forgot password?" takes it along.
 */
import { useState } from "react";
import { Link } from "react-router-dom";
import { saleor } from "../../components/account/session";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/form/useSubmit";
import { pathFor, useLang, useStrings } from "../../i18n";

export function SignIn({ after }: { after?: string }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { errors, busy, form, submit } = useSubmit();
  return (
    <section aria-labelledby="sign-in">
      <h2 id="sign-in">{s.signIn}</h2>
      {after ? <p>{after}</p> : null}
      <form
        ref={form}
        noValidate
        className="narrow-form"
        onSubmit={submit(async () => {
          const { data } = await saleor().auth.login({ email: email.trim(), password });
          // A wrong password is no field's fault: show it once, above the form.
          return data?.tokenCreate?.errors.map((error) => ({
            ...error,
            field: error.code === "INVALID_CREDENTIALS" ? null : error.field,
          }));
        })}
      >
        <FormError message={errors.form} />
        <TextField label={s.email} type="email" autoComplete="email" required value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label={s.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SubmitButton busy={busy}>{s.signIn}</SubmitButton>
      </form>
      <p>
        <Link to={`${pathFor(lang, "account")}/forgot${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ""}`}>
          {s.forgotPassword}
        </Link>
      </p>
      <p>
        <Link to={`${pathFor(lang, "account")}/register`}>{s.noAccount}</Link>
      </p>
    </section>
  );
}
