import { ApolloClient, ApolloLink, InMemoryCache, Observable, from, gql } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { checkoutVersions, staleCheckoutLink } from "./staleAnswers";

const CART = gql`
  query Cart($token: UUID!) {
    checkout(token: $token) {
      token
      updatedAt
      email
    }
  }
`;
const SAVE_EMAIL = gql`
  mutation SaveEmail($token: UUID!, $email: String!) {
    checkoutEmailUpdate(token: $token, email: $email) {
      checkout {
        token
        updatedAt
        email
      }
    }
  }
`;

const BEFORE = { __typename: "Checkout", token: "t-1", updatedAt: "2026-12-06T10:00:01+00:00", email: null };
const AFTER = { __typename: "Checkout", token: "t-1", updatedAt: "2026-12-06T10:00:05.250000+00:00", email: "an@example.be" };

/**
 * The server of the race: the first read saw the checkout before the e-mail was saved and
 * answers only after the mutation did; any later read sees it saved.
 */
function racingServer() {
  let saved = false;
  let reads = 0;
  let releaseFirstRead: () => void = () => undefined;
  const mutationAnswered = new Promise<void>((resolve) => (releaseFirstRead = resolve));
  const link = new ApolloLink((operation) => {
    return new Observable((observer) => {
      if (operation.operationName === "SaveEmail") {
        saved = true;
        observer.next({ data: { checkoutEmailUpdate: { __typename: "CheckoutEmailUpdate", checkout: AFTER } } });
        observer.complete();
        releaseFirstRead();
        return;
      }
      reads += 1;
      const seen = saved ? AFTER : BEFORE;
      const answer = () => {
        observer.next({ data: { checkout: seen } });
        observer.complete();
      };
      if (reads === 1) void mutationAnswered.then(() => setTimeout(answer, 0));
      else answer();
    });
  });
  return { link, reads: () => reads };
}

describe("an answer read before the checkout's last change", () => {
  it("is asked again instead of overwriting the newer checkout", async () => {
    const server = racingServer();
    const client = new ApolloClient({
      link: from([staleCheckoutLink(), server.link]),
      cache: new InMemoryCache({ typePolicies: { Checkout: { keyFields: ["token"] } } }),
    });
    const variables = { token: "t-1" };
    const read = client.query({ query: CART, variables, fetchPolicy: "network-only" });
    await client.mutate({ mutation: SAVE_EMAIL, variables: { ...variables, email: "an@example.be" } });
    const { data } = await read;

    expect(data.checkout.email).toBe("an@example.be");
    expect(client.readQuery({ query: CART, variables })?.checkout.email).toBe("an@example.be");
    expect(server.reads()).toBe(2);
  });

  it("would overwrite it without the link (the race this guards against)", async () => {
    const server = racingServer();
    const client = new ApolloClient({
      link: server.link,
      cache: new InMemoryCache({ typePolicies: { Checkout: { keyFields: ["token"] } } }),
    });
    const variables = { token: "t-1" };
    const read = client.query({ query: CART, variables, fetchPolicy: "network-only" });
    await client.mutate({ mutation: SAVE_EMAIL, variables: { ...variables, email: "an@example.be" } });
    await read;

    expect(client.readQuery({ query: CART, variables })?.checkout.email).toBeNull();
    expect(server.reads()).toBe(1);
  });
});

const CHOOSE_DELIVERY = gql`
  mutation ChooseDelivery($token: UUID!) {
    checkoutDeliveryMethodUpdate(token: $token) {
      checkout {
        token
        updatedAt
        email
      }
    }
  }
`;

describe("two mutations of one checkout sent at once", () => {
  it("go out one after the other, so the later answer is the one kept", async () => {
    // The server of that race: the first mutation's answer (saved before the e-mail, so
    // without it) is slow; sent together, it would arrive after the e-mail's answer.
    const sent: string[] = [];
    const server = new ApolloLink((operation) => {
      return new Observable((observer) => {
        sent.push(operation.operationName);
        if (operation.operationName === "ChooseDelivery") {
          setTimeout(() => {
            observer.next({ data: { checkoutDeliveryMethodUpdate: { __typename: "X", checkout: BEFORE } } });
            sent.push("ChooseDelivery answered");
            observer.complete();
          }, 20);
          return;
        }
        observer.next({ data: { checkoutEmailUpdate: { __typename: "Y", checkout: AFTER } } });
        observer.complete();
      });
    });
    const client = new ApolloClient({
      link: from([staleCheckoutLink(), server]),
      cache: new InMemoryCache({ typePolicies: { Checkout: { keyFields: ["token"] } } }),
    });
    const variables = { token: "t-1" };
    await Promise.all([
      client.mutate({ mutation: CHOOSE_DELIVERY, variables }),
      client.mutate({ mutation: SAVE_EMAIL, variables: { ...variables, email: "an@example.be" } }),
    ]);

    expect(sent).toEqual(["ChooseDelivery", "ChooseDelivery answered", "SaveEmail"]);
    const kept = client.readFragment({
      id: client.cache.identify(AFTER),
      fragment: gql`
        fragment Kept on Checkout {
          email
        }
      `,
    });
    expect(kept?.email).toBe("an@example.be");
  });

  it("a refused mutation does not hold up the next one", async () => {
    let calls = 0;
    const server = new ApolloLink(
      () =>
        new Observable((observer) => {
          calls += 1;
          if (calls === 1) observer.error(new Error("network down"));
          else {
            observer.next({ data: { checkoutEmailUpdate: { __typename: "Y", checkout: AFTER } } });
            observer.complete();
          }
        }),
    );
    const client = new ApolloClient({ link: from([staleCheckoutLink(), server]), cache: new InMemoryCache() });
    const variables = { token: "t-1", email: "an@example.be" };
    await expect(client.mutate({ mutation: SAVE_EMAIL, variables })).rejects.toThrow("network down");
    const { data } = await client.mutate({ mutation: SAVE_EMAIL, variables });
    expect(data.checkoutEmailUpdate.checkout.email).toBe("an@example.be");
  });
});

describe("checkoutVersions", () => {
  it("finds every checkout in an answer, nested or in lists", () => {
    expect(checkoutVersions({ a: [{ b: AFTER }], c: { __typename: "Checkout", token: "t-2" } })).toEqual([
      ["t-1", Date.parse(AFTER.updatedAt)],
    ]);
    expect(checkoutVersions(null)).toEqual([]);
  });
});
