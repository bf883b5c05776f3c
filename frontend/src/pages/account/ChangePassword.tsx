/** Change the password; the server then revokes every token, so the customer signs in again. */
import { useState } from "react";
import { saleor } from "../../components/account/session";
import { FormError, TextField } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/form/useSubmit";
import { useStrings } from "../../i18n";

export function ChangePassword() {
  const s = useStrings(SHOP_STRINGS);
  const [oldPassword, setOld] = useState("");
  const [newPassword, setNew] = useState("");
  const { errors, busy, form, submit } = useSubmit();
  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password">{s.changePassword}</h2>
      <form
        ref={form}
        noValidate
        className="narrow-form"
        onSubmit={submit(
          async () => (await saleor().auth.changePassword({ oldPassword, newPassword })).data?.passwordChange?.errors,
          async () => {
            // The server revoked every token: sign in again with the new password.
            window.alert(s.passwordChanged);
            await saleor().auth.logout();
          },
        )}
      >
        <FormError message={errors.form} />
        <TextField label={s.currentPassword} type="password" autoComplete="current-password" value={oldPassword} error={errors.oldPassword} onChange={(e) => setOld(e.target.value)} />
        <TextField
          label={s.newPassword}
          type="password"
          autoComplete="new-password"
          help={s.passwordHelp}
          value={newPassword}
          error={errors.newPassword ?? errors.password}
          onChange={(e) => setNew(e.target.value)}
        />
        <SubmitButton busy={busy} variant="secondary">
          {s.changePassword}
        </SubmitButton>
      </form>
    </section>
  );
}
