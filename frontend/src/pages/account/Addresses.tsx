/** My addresses: add, edit, delete, make the default for shipping or billing. */
import { useState } from "react";
import { authClient } from "../../components/account/session";
import { AddressFields, EMPTY_ADDRESS, addressValues, type AddressValues } from "../../components/shop/AddressForm";
import { FormError } from "../../components/form/Field";
import { SubmitButton } from "../../components/form/SubmitButton";
import { PostalAddress } from "../../components/shop/PostalAddress";
import { SHOP_STRINGS } from "../../components/shop/strings";
import { useSubmit } from "../../components/form/useSubmit";
import { useStrings } from "../../i18n";
import { AccountAddressCreateDocument, AccountAddressDeleteDocument, AccountAddressUpdateDocument, AccountSetDefaultAddressDocument } from "./account.generated";
import { type Me } from "./types";

export function AddressEditor({
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
      <SubmitButton busy={busy}>
        {s.save}
      </SubmitButton>{" "}
      <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
        {s.cancel}
      </button>
    </form>
  );
}

export function Addresses({ me, refetch }: { me: Me; refetch: () => unknown }) {
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
                <PostalAddress address={address} />
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
