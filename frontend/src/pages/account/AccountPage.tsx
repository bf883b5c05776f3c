/**
 * The customer's account, authenticated with `@saleor/sdk` (sign in, register, confirm by
 * the e-mailed link, sign out, change password, request and confirm deletion). With the
 * SDK's token: my orders, my addresses (add, edit, delete, default), download my data.
 *
 * Sub-pages under /<lang>/<account>/: "" (sign in, or the account), "register",
 * "confirm?email=&token=" (the confirmation e-mail's link), "delete?token=" (the
 * deletion e-mail's link).
 */
import { useQuery } from "@apollo/client";
import { useEffect, useRef, useState } from "react";
import { Link, Navigate, Route, Routes, useSearchParams } from "react-router-dom";
import { authClient, saleor, useSession } from "../../components/account/session";
import { PageTitle } from "../../components/PageTitle";
import { LoadError, Loading } from "../../components/QueryState";
import { AddressFields, EMPTY_ADDRESS, addressValues, type AddressValues } from "../../components/shop/AddressForm";
import { FormError, TextField } from "../../components/shop/Field";
import { formatDate, formatMoney } from "../../components/shop/money";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/shop/useSubmit";
import { useDocumentMeta } from "../../components/useDocumentMeta";
import { pathFor, useLang, useStrings, useT, type Lang } from "../../i18n";
import {
  AccountAddressCreateDocument,
  AccountAddressDeleteDocument,
  AccountAddressUpdateDocument,
  AccountDataExportDocument,
  AccountOverviewDocument,
  AccountSetDefaultAddressDocument,
  type AccountOverviewQuery,
} from "./account.generated";

type Me = NonNullable<AccountOverviewQuery["me"]>;

function accountUrl(lang: Lang, sub: string): string {
  return new URL(`${pathFor(lang, "account")}/${sub}`, window.location.origin).href;
}

const LANGUAGE_CODES = { nl: "NL", en: "EN", fr: "FR" } as const;

function SignIn({ after }: { after?: string }) {
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
        <button type="submit" className="button" disabled={busy}>
          {s.signIn}
        </button>
      </form>
      <p>
        <Link to={`${pathFor(lang, "account")}/register`}>{s.noAccount}</Link>
      </p>
    </section>
  );
}

function Register() {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string>();
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.register);
  return (
    <div className="page account" data-page="account-register">
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
          <button type="submit" className="button" disabled={busy}>
            {s.register}
          </button>
        </form>
      )}
      <p>
        <Link to={pathFor(lang, "account")}>{s.haveAccount}</Link>
      </p>
    </div>
  );
}

function Confirm() {
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
    <div className="page account" data-page="account-confirm">
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

function ConfirmDeletion() {
  const s = useStrings(SHOP_STRINGS);
  const session = useSession();
  const [params] = useSearchParams();
  const [deleted, setDeleted] = useState(false);
  const { errors, busy, form, submit } = useSubmit();
  useDocumentMeta(s.deleteAccount);
  if (deleted) {
    return (
      <div className="page account" data-page="account-deleted">
        <PageTitle>{s.deleteAccount}</PageTitle>
        <p className="notice" role="status">
          {s.deleted}
        </p>
      </div>
    );
  }
  return (
    <div className="page account" data-page="account-delete">
      <PageTitle>{s.deleteAccount}</PageTitle>
      {session.authenticating ? <Loading /> : null}
      {!session.user && !session.authenticating ? <SignIn after={s.signInToDelete} /> : null}
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
          <button type="submit" className="button button--danger" disabled={busy}>
            {s.confirmDeletion}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Orders({ me }: { me: Me }) {
  const s = useStrings(SHOP_STRINGS);
  const lang = useLang();
  return (
    <section aria-labelledby="my-orders" data-testid="my-orders">
      <h2 id="my-orders">{s.myOrders}</h2>
      {me.orders.nodes.length === 0 ? (
        <p>{s.noOrders}</p>
      ) : (
        <ul className="plain-list account-orders">
          {me.orders.nodes.map((order) => (
            <li key={order.id} className="account-order">
              <h3>
                {s.orderNumber} {order.number ?? "—"}
              </h3>
              <p className="meta">
                {s.ordered} {formatDate(lang, order.created)} · {s.orderStatuses[order.status] ?? order.status} ·{" "}
                <strong>{formatMoney(lang, order.total)}</strong>
              </p>
              <ul>
                {order.lines.map((line) => (
                  <li key={line.sku}>
                    {line.quantity} × {line.productName}
                    {line.variantLabel ? ` (${line.variantLabel})` : ""}
                    {line.downloadUrl ? (
                      <>
                        {" "}
                        <a href={line.downloadUrl} aria-label={s.downloadOf(line.productName)}>
                          {s.download}
                        </a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddressEditor({
  initial,
  id,
  onDone,
}: {
  initial: AddressValues;
  id?: string;
  onDone: (saved: boolean) => void;
}) {
  const s = useStrings(SHOP_STRINGS);
  const [values, setValues] = useState(initial);
  const { errors, busy, form, submit } = useSubmit();
  return (
    <form
      ref={form}
      noValidate
      className="address-editor"
      onSubmit={submit(
        async () => {
          const client = authClient();
          return id
            ? (await client.mutate({ mutation: AccountAddressUpdateDocument, variables: { id, input: values } })).data
                ?.accountAddressUpdate?.errors
            : (await client.mutate({ mutation: AccountAddressCreateDocument, variables: { input: values } })).data
                ?.accountAddressCreate?.errors;
        },
        () => onDone(true),
      )}
    >
      <fieldset>
        <legend>{id ? s.editAddress : s.addAddress}</legend>
        <FormError message={errors.form} />
        <AddressFields section={id ? `address-${id}` : "new-address"} values={values} onChange={setValues} errors={errors} />
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {s.save}
      </button>{" "}
      <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
        {s.cancel}
      </button>
    </form>
  );
}

function Addresses({ me, refetch }: { me: Me; refetch: () => unknown }) {
  const s = useStrings(SHOP_STRINGS);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [status, setStatus] = useState<string>();
  const client = authClient();
  async function done(saved: boolean) {
    setEditing(null);
    if (saved) {
      await refetch();
      setStatus(s.saved);
    }
  }
  return (
    <section aria-labelledby="my-addresses" data-testid="my-addresses">
      <h2 id="my-addresses">{s.myAddresses}</h2>
      <div role="status" aria-live="polite">
        {status ? <p className="notice">{status}</p> : null}
      </div>
      {me.addresses.length === 0 ? <p>{s.noAddresses}</p> : null}
      <ul className="plain-list account-addresses">
        {me.addresses.map((address) => (
          <li key={address.id} className="account-address">
            {editing === address.id ? (
              <AddressEditor id={address.id} initial={addressValues(address)} onDone={done} />
            ) : (
              <>
                <address>
                  {address.firstName} {address.lastName}
                  <br />
                  {address.companyName ? (
                    <>
                      {address.companyName}
                      <br />
                    </>
                  ) : null}
                  {address.streetAddress1}
                  {address.streetAddress2 ? `, ${address.streetAddress2}` : ""}
                  <br />
                  {address.postalCode} {address.city}
                  <br />
                  {address.country.country}
                </address>
                <p className="meta">
                  {address.isDefaultShippingAddress ? <span className="tag">{s.defaultShipping}</span> : null}{" "}
                  {address.isDefaultBillingAddress ? <span className="tag">{s.defaultBilling}</span> : null}
                </p>
                <p className="account-address__actions">
                  <button type="button" className="button--link" onClick={() => setEditing(address.id)}>
                    {s.editAddress}
                  </button>
                  {!address.isDefaultShippingAddress ? (
                    <button
                      type="button"
                      className="button--link"
                      onClick={async () => {
                        await client.mutate({ mutation: AccountSetDefaultAddressDocument, variables: { id: address.id, type: "SHIPPING" } });
                        await done(true);
                      }}
                    >
                      {s.makeDefaultShipping}
                    </button>
                  ) : null}
                  {!address.isDefaultBillingAddress ? (
                    <button
                      type="button"
                      className="button--link"
                      onClick={async () => {
                        await client.mutate({ mutation: AccountSetDefaultAddressDocument, variables: { id: address.id, type: "BILLING" } });
                        await done(true);
                      }}
                    >
                      {s.makeDefaultBilling}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button--link"
                    onClick={async () => {
                      await client.mutate({ mutation: AccountAddressDeleteDocument, variables: { id: address.id } });
                      await done(true);
                    }}
                  >
                    {s.deleteAddress}
                  </button>
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <AddressEditor initial={EMPTY_ADDRESS} onDone={done} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setEditing("new")}>
          {s.addAddress}
        </button>
      )}
    </section>
  );
}

function ChangePassword() {
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
        <button type="submit" className="button button--secondary" disabled={busy}>
          {s.changePassword}
        </button>
      </form>
    </section>
  );
}

function MyData() {
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

function Dashboard() {
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

function Home() {
  const t = useT();
  const s = useStrings(SHOP_STRINGS);
  const session = useSession();
  useDocumentMeta(t.account);
  return (
    <div className="page account" data-page="account">
      <PageTitle>{session.user ? s.myAccount : t.account}</PageTitle>
      {session.authenticating ? <Loading /> : session.user ? <Dashboard /> : <SignIn />}
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
      <Route path="*" element={<Home />} />
    </Routes>
  );
}
