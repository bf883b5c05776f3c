/**
 * The customer's session, through `@saleor/sdk` 0.7.0 unchanged: it signs in, keeps the
 * refresh token in localStorage, refreshes the access token before it expires and sends
 * it (`authorization-bearer`) with every request of its own Apollo client. Our queries
 * that need the customer (`me`, the data export, paying a checkout as the customer) go
 * through that client: `authClient()`.
 *
 * The SDK is created on first use only (the account pages, the checkout), so pages that
 * need no account never load it.
 */
import { gql, useQuery, type ApolloClient, type NormalizedCacheObject } from "@apollo/client";
import { useSyncExternalStore } from "react";
import { createSaleorClient, type SaleorClient } from "@saleor/sdk";
import { GRAPHQL_URL } from "../../graphql/client";

let sdk: SaleorClient | null = null;

export function saleor(): SaleorClient {
  if (!sdk) {
    sdk = createSaleorClient({
      apiUrl: new URL(GRAPHQL_URL, window.location.origin).href,
      channel: "default-channel",
    });
  }
  return sdk;
}

export function authClient(): ApolloClient<NormalizedCacheObject> {
  return saleor()._internal.apolloClient;
}

/** Read from the SDK's cache only: `authenticated` and `authenticating` are its local fields. */
const SESSION = gql`
  query VitrineSession {
    me {
      id
      email
      firstName
      lastName
    }
    authenticated @client
    authenticating @client
  }
`;

type SessionData = {
  me: { id: string; email: string; firstName: string; lastName: string } | null;
  authenticated: boolean;
  authenticating: boolean;
};

export type Session = { user: SessionData["me"]; authenticating: boolean };

const noSubscription = () => () => undefined;

/**
 * Signed out on the server (which has no session) and while the browser hydrates the
 * server's HTML, which must render the same; the SDK's state from the next render on.
 */
export function useSession(): Session {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const { data } = useQuery<SessionData>(SESSION, {
    client: hydrated ? authClient() : undefined,
    fetchPolicy: "cache-only",
    skip: !hydrated,
  });
  return { user: data?.authenticated ? data.me : null, authenticating: data?.authenticating ?? false };
}

/**
 * Resolves once the SDK knows whether someone is signed in (after a reload it first
 * refreshes the access token): a payment started before that would not be tied to the
 * customer. Gives up waiting after a few seconds.
 */
export function sessionSettled(timeoutMs = 5000): Promise<void> {
  const client = authClient();
  return new Promise((resolve) => {
    const timer = window.setTimeout(done, timeoutMs);
    const subscription = client
      .watchQuery<SessionData>({ query: SESSION, fetchPolicy: "cache-only" })
      .subscribe(({ data }) => {
        if (!data?.authenticating) done();
      });
    function done() {
      window.clearTimeout(timer);
      window.setTimeout(() => subscription?.unsubscribe(), 0);
      resolve();
    }
  });
}

/** Whether this browser holds a customer's refresh token (signed in, or was). */
export function hasStoredSession(): boolean {
  try {
    return Boolean(window.localStorage.getItem("_saleorRefreshToken"));
  } catch {
    return false;
  }
}

/**
 * Whether the SDK is signing in silently from a stored refresh token (after a reload).
 * While the visitor signs in with the form the SDK says "authenticating" too: the form
 * must stay, or a refusal would show on an emptied, remounted form.
 */
export function restoring(session: Session): boolean {
  return session.authenticating && hasStoredSession();
}
