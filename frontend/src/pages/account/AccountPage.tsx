/**
 * The customer's account, authenticated with `@saleor/sdk` (sign in, register, confirm by
 * the e-mailed link, sign out, change password, request and confirm deletion). With the
 * SDK's token: my orders, my addresses (add, edit, delete, default), download my data.
 *
 * Sub-pages under /<lang>/<account>/: "" (sign in, or the account), "register",
 * "confirm?email=&token=" (the confirmation e-mail's link), "delete?token=" (the
 * deletion e-mail's link), "forgot" (ask for a password reset link) and
 * "reset?email=&token=" (the reset e-mail's link: choose a new password).
 */
import { useEffect } from "react";
import { Route, Routes } from "react-router-dom";
import { restoring, saleor, useSession } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { Loading } from "../../components/QueryState";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { useStrings, useT } from "../../i18n";
import { ForgotPassword } from "./ForgotPassword";
import { ResetPassword } from "./ResetPassword";
import { SignIn } from "./SignIn";
import { Register } from "./Register";
import { Confirm } from "./Confirm";
import { ConfirmDeletion } from "./ConfirmDeletion";
import { Dashboard } from "./Dashboard";

function Home() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const session = useSession();
  useDocumentMeta(t.account);
  return (
    <div className="page page--narrow account" data-page="account">
      <PageTitle>{session.user ? s.myAccount : t.account}</PageTitle>
      {session.user ? <Dashboard /> : restoring(session) ? <Loading /> : <SignIn />}
    </div>
  );
}

export default function AccountPage() {
  useEffect(() => {
    saleor(); // start the SDK (and its silent sign-in from the stored refresh token)
  }, []);
  return (
    <Routes>
      <Route index element={<Home />} />
      <Route path="register" element={<Register />} />
      <Route path="confirm" element={<Confirm />} />
      <Route path="delete" element={<ConfirmDeletion />} />
      <Route path="forgot" element={<ForgotPassword />} />
      <Route path="reset" element={<ResetPassword />} />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}
