/** The deletion e-mail's link (`delete?token=`): delete only on an explicit button press, signed in. */
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { restoring, saleor, useSession } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { Loading } from "../../components/QueryState";
import { FormError } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/form/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useStrings } from "../../i18n";
import { SignIn } from "./SignIn";

export function ConfirmDeletion() {
  const s = useStrings(SHOP_STRINGS);
  const session = useSession();
  const [params] = useSearchParams();
  const [deleted, setDeleted] = useState(false);
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.deleteAccount);
  if (deleted) {
    return (
      <div className="page page--narrow account" data-page="account-deleted">
        <PageTitle>{s.deleteAccount}</PageTitle>
        <p className="notice" role="status">
          {s.deleted}
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow account" data-page="account-delete">
      <PageTitle>{s.deleteAccount}</PageTitle>
      {!session.user && restoring(session) ? <Loading /> : null}
      {!session.user && !restoring(session) ? <SignIn after={s.signInToDelete} /> : null}
      {session.user ? (
        <form
          ref={form}
          className="narrow-form"
          onSubmit={submit(
            async () => (await saleor().user.accountDelete(params.get("token") ?? "")).data?.accountDelete?.errors,
            async () => {
              await saleor().auth.logout();
              setDeleted(true);
            },
          )}
        >
          <p>{s.confirmDeletionText}</p>
          <FormError message={errors.form ?? errors.token} />
          <SubmitButton busy={busy} variant="danger">
            {s.confirmDeletion}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
