/**
 * The reminder e-mail links to the checkout page with `?resume=<signed token>`: ask the
 * server for that checkout (or a fresh one with the same goods, when it expired), make
 * it the cart, and drop the parameter from the address. A link that is no longer valid
 * leaves the current cart as it is.
 */
import { useApolloClient } from "@apollo/client";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { CartDocument, CartResumeDocument } from "./checkout.generated";
import { setCartToken } from "./cartStore";

export function useResumeLink(): boolean {
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const link = params.get("resume");
  const [busy, setBusy] = useState(Boolean(link));
  useEffect(() => {
    if (!link) return;
    let live = true;
    client
      .mutate({ mutation: CartResumeDocument, variables: { link } })
      .then(({ data }) => {
        const checkout = data?.checkoutResume?.checkout;
        if (checkout && live) {
          client.writeQuery({
            query: CartDocument,
            variables: { token: checkout.token },
            data: { __typename: "Query", checkout },
          });
          setCartToken(checkout.token);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (!live) return;
        setBusy(false);
        const next = new URLSearchParams(params);
        next.delete("resume");
        setParams(next, { replace: true });
      });
    return () => {
      live = false;
    };
  }, [client, link, params, setParams]);
  return busy;
}
