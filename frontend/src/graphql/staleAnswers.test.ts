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

describe("checkoutVersions", () => {
  it("finds every checkout in an answer, nested or in lists", () => {
    expect(checkoutVersions({ a: [{ b: AFTER }], c: { __typename: "Checkout", token: "t-2" } })).toEqual([
      ["t-1", Date.parse(AFTER.updatedAt)],
    ]);
    expect(checkoutVersions(null)).toEqual([]);
  });
});
