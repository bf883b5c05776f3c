/**
 * The cart: the checkout behind the token in localStorage, and the mutations that change
 * it. A visitor's first "add to cart" creates the checkout (in their language); a token
 * the server no longer knows (the order was placed, or it expired) is forgotten.
 */
import { useApolloClient, useQuery } from "@apollo/client";
import { useCallback, useEffect } from "react";
import { useLang } from "../../i18n";
import {
  CartCreateDocument,
  CartDocument,
  CartLinesAddDocument,
  CartLinesDeleteDocument,
  CartLinesUpdateDocument,
  type CheckoutFieldsFragment,
} from "./checkout.generated";
import type { PayloadError } from "../form/errors";
import { CartTicketLineDeleteDocument, CartTicketsAddDocument } from "../../pages/tickets/tickets.generated";
import type { TicketCategoryInput } from "../../graphql/schema-types";
import { setCartToken, useCartToken } from "./cartStore";

export type CartResult = { errors: PayloadError[]; checkout: CheckoutFieldsFragment | null };

export function useCart() {
  const token = useCartToken();
  const lang = useLang();
  const client = useApolloClient();
  const query = useQuery(CartDocument, {
    variables: { token: token ?? "" },
    skip: !token,
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const missing = Boolean(token) && !query.loading && !query.error && query.data && query.data.checkout === null;
  useEffect(() => {
    if (missing) setCartToken(null);
  }, [missing]);

  const add = useCallback(
    async (sku: string, quantity: number): Promise<CartResult> => {
      if (token) {
        const { data } = await client.mutate({
          mutation: CartLinesAddDocument,
          variables: { token, lines: [{ sku, quantity }] },
        });
        const payload = data!.checkoutLinesAdd!;
        if (!payload.errors.some((error) => error.field === "token")) return payload;
        setCartToken(null); // the checkout is gone: start a new one below
      }
      const { data } = await client.mutate({
        mutation: CartCreateDocument,
        variables: { input: { lines: [{ sku, quantity }], locale: lang } },
      });
      const payload = data!.checkoutCreate!;
      if (payload.checkout) {
        client.writeQuery({
          query: CartDocument,
          variables: { token: payload.checkout.token },
          data: { __typename: "Query", checkout: payload.checkout },
        });
        setCartToken(payload.checkout.token);
      }
      return payload;
    },
    [client, lang, token],
  );

  const update = useCallback(
    async (sku: string, quantity: number): Promise<CartResult> => {
      const { data } = await client.mutate({
        mutation: CartLinesUpdateDocument,
        variables: { token: token!, lines: [{ sku, quantity }] },
      });
      return data!.checkoutLinesUpdate!;
    },
    [client, token],
  );

  const remove = useCallback(
    async (lineId: string): Promise<CartResult> => {
      const { data } = await client.mutate({
        mutation: CartLinesDeleteDocument,
        variables: { token: token!, lineIds: [lineId] },
      });
      return data!.checkoutLinesDelete!;
    },
    [client, token],
  );

  /** Tickets for one slot (quantities per visitor category); a first purchase makes the cart. */
  const addTickets = useCallback(
    async (slot: string, tickets: TicketCategoryInput[]): Promise<CartResult> => {
      let current = token;
      if (current) {
        const { data } = await client.mutate({
          mutation: CartTicketsAddDocument,
          variables: { token: current, slot, tickets },
        });
        const payload = data!.checkoutTicketsAdd!;
        if (!payload.errors.some((error) => error.field === "token")) return payload;
        setCartToken(null); // the checkout is gone: start a new one below
      }
      const created = await client.mutate({
        mutation: CartCreateDocument,
        variables: { input: { lines: [], locale: lang } },
      });
      const fresh = created.data!.checkoutCreate!;
      if (!fresh.checkout) return fresh;
      current = fresh.checkout.token;
      // The (empty) cart is the visitor's from now on, even when these tickets are refused.
      const { data } = await client.mutate({
        mutation: CartTicketsAddDocument,
        variables: { token: current, slot, tickets },
      });
      const payload = data!.checkoutTicketsAdd!;
      client.writeQuery({
        query: CartDocument,
        variables: { token: current },
        data: { __typename: "Query", checkout: payload.checkout ?? fresh.checkout },
      });
      setCartToken(current);
      return payload;
    },
    [client, lang, token],
  );

  const removeTicketLine = useCallback(
    async (lineId: string): Promise<CartResult> => {
      const { data } = await client.mutate({
        mutation: CartTicketLineDeleteDocument,
        variables: { token: token!, lineId },
      });
      return data!.checkoutTicketLineDelete!;
    },
    [client, token],
  );

  return {
    token,
    checkout: token ? (query.data?.checkout ?? null) : null,
    loading: Boolean(token) && query.loading && !query.data,
    error: query.error,
    refetch: query.refetch,
    add,
    update,
    remove,
    addTickets,
    removeTicketLine,
  };
}
