/** The signed-in customer's account: who, sign out, and each section. */
import { useQuery } from "@apollo/client";
import { authClient, saleor } from "../../components/account/session";
import { LoadError, Loading } from "../../components/QueryState";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useStrings } from "../../i18n";
import { AccountOverviewDocument } from "./account.generated";
import { Orders } from "./Orders";
import { Addresses } from "./Addresses";
import { ChangePassword } from "./ChangePassword";
import { MyData } from "./MyData";

export function Dashboard() {
  const s = useStrings(SHOP_STRINGS);
  const { data, loading, error, refetch } = useQuery(AccountOverviewDocument, {
    client: authClient(),
    fetchPolicy: "network-only",
  });
  if (!data && loading) return <Loading />;
  if (!data?.me) return <LoadError error={error} retry={() => refetch()} />;
  const me = data.me;
  return (
    <>
      <p className="account__who">
        {s.signedInAs(me.email)}{" "}
        <button type="button" className="button--link" onClick={() => saleor().auth.logout()}>
          {s.signOut}
        </button>
      </p>
      <div className="account__sections">
        <Orders me={me} />
        <Addresses me={me} refetch={refetch} />
        <ChangePassword />
        <MyData />
      </div>
    </>
  );
}
