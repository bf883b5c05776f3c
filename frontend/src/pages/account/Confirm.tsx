/** The confirmation e-mail's link (`confirm?email=&token=`): confirm, then sign in. */
import { useEffect, useRef, useState } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { saleor, useSession } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { FormError } from "../../components/form/Field";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings } from "../../i18n";
import { SignIn } from "./SignIn";

export function Confirm() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const session = useSession();
  const [params] = useSearchParams();
  const [state, setState] = useState<"busy" | "done" | "failed">("busy");
  const [message, setMessage] = useState<string>();
  const started = useRef(false);
  useDocumentMeta(s.myAccount);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const email = params.get("email") ?? "";
    const token = params.get("token") ?? "";
    saleor()
      .user.confirmAccount({ email, token })
      .then(async ({ data }) => {
        // The SDK caches the confirmed user as if signed in, without a token: clear it,
        // so the visitor signs in for real.
        await saleor().auth.logout();
        const errors = data?.confirmAccount?.errors ?? [];
        if (errors.length) {
          setMessage(s.errors[errors[0].code] ?? s.errors.JWT_INVALID_TOKEN);
          setState("failed");
        } else setState("done");
      })
      .catch(() => {
        setMessage(s.errors.unknown);
        setState("failed");
      });
  }, [params, s]);
  // Signed in from here: on to the account.
  if (state === "done" && session.user) return <Navigate to={pathFor(lang, "account")} replace />;
  return (
    <div className="page page--narrow account" data-page="account-confirm">
      <PageTitle>{s.myAccount}</PageTitle>
      <div role="status" aria-live="polite">
        {state === "busy" ? <p>{s.confirming}</p> : null}
        {state === "done" ? <p className="notice">{s.confirmed}</p> : null}
      </div>
      {state === "failed" ? <FormError message={message} /> : null}
      {state === "done" ? <SignIn /> : null}
    </div>
  );
}
