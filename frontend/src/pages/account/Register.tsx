/** Create an account; the e-mailed link (to confirm) comes back to Confirm. */
import { useState } from "react";
import { Link } from "react-router-dom";
import { saleor } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/form/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { accountUrl } from "./links";
import { LANGUAGE_CODES } from "./links";

export function Register() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string>();
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.register);
  return (
    <div className="page page--narrow account" data-page="account-register">
      <PageTitle>{s.register}</PageTitle>
      <div role="status" aria-live="polite">
        {done ? <p className="notice">{s.registered(done)}</p> : null}
      </div>
      {done ? null : (
        <form
          ref={form}
          noValidate
          className="narrow-form"
          onSubmit={submit(
            async () => {
              const { data } = await saleor().auth.register({
                email: email.trim(),
                password,
                redirectUrl: accountUrl(lang, "confirm"),
                languageCode: LANGUAGE_CODES[lang],
              });
              return data?.accountRegister?.errors;
            },
            () => setDone(email.trim()),
          )}
        >
          <FormError message={errors.form} />
          <TextField label={s.email} type="email" autoComplete="email" required value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <TextField
            label={s.password}
            type="password"
            autoComplete="new-password"
            required
            help={s.passwordHelp}
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitButton busy={busy}>
            {s.register}
          </SubmitButton>
        </form>
      )}
      <p>
        <Link to={pathFor(lang, "account")}>{s.haveAccount}</Link>
      </p>
    </div>
  );
}
