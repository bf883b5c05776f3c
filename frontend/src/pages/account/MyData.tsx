/** Download my data (JSON) and ask for the account's deletion by e-mailed link. */
import { useState } from "react";
import { authClient, saleor } from "../../components/account/session";
import { FormError } from "../../components/form/Field";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useLang, useStrings } from "../../i18n";
import { AccountDataExportDocument } from "./account.generated";
import { accountUrl } from "./links";

export function MyData() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [requested, setRequested] = useState(false);
  return (
    <>
      <section aria-labelledby="my-data">
        <h2 id="my-data">{s.myData}</h2>
        <p>{s.myDataText}</p>
        <FormError message={error} />
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              const { data } = await authClient().query({ query: AccountDataExportDocument, fetchPolicy: "network-only" });
              const blob = new Blob([data.accountDataExport ?? "{}"], { type: "application/json" });
              const link = document.createElement("a");
              link.href = URL.createObjectURL(blob);
              link.download = "my-data.json";
              document.body.append(link);
              link.click();
              link.remove();
              window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
            } catch {
              setError(s.errors.unknown);
            } finally {
              setBusy(false);
            }
          }}
        >
          {s.downloadData}
        </button>
      </section>
      <section aria-labelledby="delete-account">
        <h2 id="delete-account">{s.deleteAccount}</h2>
        <p>{s.deleteAccountText}</p>
        <div role="status" aria-live="polite">
          {requested ? <p className="notice">{s.deletionRequested}</p> : null}
        </div>
        {!requested ? (
          <button
            type="button"
            className="button button--danger"
            onClick={async () => {
              try {
                const { data } = await saleor().user.accountRequestDeletion(accountUrl(lang, "delete"));
                if (data?.accountRequestDeletion?.errors.length) setError(s.errors.unknown);
                else setRequested(true);
              } catch {
                setError(s.errors.unknown);
              }
            }}
          >
            {s.deleteAccount}
          </button>
        ) : null}
      </section>
    </>
  );
}
