// Drives @saleor/sdk 0.7.0, unchanged, against a Vitrine server, in Node 20.
//
//   node run.mjs <graphql-url> <scenario> [email] [password]
//
// Scenarios:
//   account  register, confirm, sign in, read `me`, edit the account and addresses,
//            refresh and verify the token, change the password, sign out, delete.
//   expiry   sign in an existing customer with the SDK's early refresh switched off,
//            wait until the access token has expired, read `me`: the server's
//            ExpiredSignatureError must make the SDK refresh and retry by itself.
//
// Protocol: one JSON object per line on stdout, {"step": name, ...what it saw}.
// When a step needs a token that the server e-mailed, the script prints
// {"step": "waitForToken", "kind": "confirmation" | "deletion"} and reads the token
// as one line on stdin (the pytest test takes it from Django's test outbox).
// Any failure prints {"step": name, "error": message} and exits with status 1.

import { createRequire } from "node:module";
import readline from "node:readline";

// The SDK ships CommonJS only (package.json "main": dist/index.js) and requires
// @apollo/client's CommonJS build; we load Apollo the same way, so there is one copy.
const require = createRequire(import.meta.url);
const { gql } = require("@apollo/client");
const { createSaleorClient } = require("@saleor/sdk");

// The SDK writes the refresh token to `localStorage` unconditionally
// (src/core/storage.ts setRefreshToken), which Node 20 does not have.
const memory = new Map();
globalThis.localStorage = {
  getItem: (key) => (memory.has(key) ? memory.get(key) : null),
  setItem: (key, value) => memory.set(key, String(value)),
  removeItem: (key) => memory.delete(key),
  clear: () => memory.clear(),
};

const [apiUrl, scenario = "account", givenEmail, givenPassword] = process.argv.slice(2);
if (!apiUrl) {
  console.error("usage: node run.mjs <graphql-url> <account|expiry> [email] [password]");
  process.exit(2);
}

// The SDK's own `me` document (src/apollo/queries.ts USER with the fragments of
// src/apollo/fragments.ts); it only reads it from Apollo's cache, we send it.
const USER = gql`
  fragment AddressFragment on Address {
    id
    firstName
    lastName
    companyName
    streetAddress1
    streetAddress2
    city
    cityArea
    postalCode
    country {
      code
      country
    }
    countryArea
    phone
    isDefaultBillingAddress
    isDefaultShippingAddress
  }
  fragment UserBaseFragment on User {
    id
    email
    firstName
    lastName
    isStaff
    userPermissions {
      code
      name
    }
  }
  fragment UserDetailsFragment on User {
    ...UserBaseFragment
    metadata {
      key
      value
    }
    defaultShippingAddress {
      ...AddressFragment
    }
    defaultBillingAddress {
      ...AddressFragment
    }
    addresses {
      ...AddressFragment
    }
  }
  query User {
    user: me {
      ...UserDetailsFragment
    }
    authenticated @client
    authenticating @client
  }
`;

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
let current = "start";

function report(step, seen = {}) {
  process.stdout.write(`${JSON.stringify({ step, ...seen })}\n`);
}

async function step(name, action) {
  current = name;
  const seen = await action();
  report(name, seen);
  return seen;
}

async function emailedToken(kind) {
  report("waitForToken", { kind });
  const { value, done } = await lines.next();
  if (done || !value) throw new Error(`no ${kind} token on stdin`);
  return value.trim();
}

function claims(token) {
  const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
  return { owner: payload.owner, type: payload.type, email: payload.email, userId: payload.user_id };
}

function codes(errors) {
  return (errors || []).map((error) => error.code);
}

async function readMe(apolloClient) {
  const result = await apolloClient.query({ query: USER, fetchPolicy: "network-only" });
  return result.data.user;
}

async function account() {
  const sdk = createSaleorClient({ apiUrl, channel: "default-channel" });
  const apollo = sdk._internal.apolloClient;
  const email = `Visitor.${Date.now()}@Example.org`;
  const password = "Leiekaai-12-Gent";
  const newPassword = "Sint-Baafs-1432-Lam";
  const redirectUrl = "http://localhost:3000/account/confirm";

  await step("register", async () => {
    const { data } = await sdk.auth.register({ email, password, redirectUrl });
    return {
      requiresConfirmation: data.accountRegister.requiresConfirmation,
      errors: codes(data.accountRegister.errors),
    };
  });
  await step("loginBeforeConfirm", async () => {
    const { data } = await sdk.auth.login({ email, password });
    return { token: data.tokenCreate.token, errors: codes(data.tokenCreate.errors) };
  });
  const confirmationToken = await emailedToken("confirmation");
  await step("confirm", async () => {
    const { data } = await sdk.user.confirmAccount({ email, token: confirmationToken });
    return { email: data.confirmAccount.user?.email, errors: codes(data.confirmAccount.errors) };
  });
  const login = await step("login", async () => {
    const { data } = await sdk.auth.login({ email, password });
    const token = data.tokenCreate.token;
    return {
      email: data.tokenCreate.user.email,
      errors: codes(data.tokenCreate.errors),
      claims: claims(token),
      refreshClaims: claims(data.tokenCreate.refreshToken),
      token,
    };
  });
  await step("state", async () => ({ email: sdk.getState()?.user?.email ?? null }));
  await step("me", async () => {
    const user = await readMe(apollo);
    return { email: user.email, addresses: user.addresses.length, isStaff: user.isStaff };
  });
  await step("updateAccount", async () => {
    const { data } = await sdk.user.updateAccount({
      input: { firstName: "Anna", lastName: "Bijns" },
    });
    const user = data.accountUpdate.user;
    return { name: `${user.firstName} ${user.lastName}`, errors: codes(data.accountUpdate.errors) };
  });
  const created = await step("createAddress", async () => {
    const { data } = await sdk.user.createAccountAddress({
      input: {
        firstName: "Anna",
        lastName: "Bijns",
        streetAddress1: "Leiekaai 12",
        city: "Gent",
        postalCode: "9000",
        country: "BE",
      },
    });
    const result = data.accountAddressCreate;
    return {
      id: result.address?.id,
      country: result.address?.country,
      addresses: result.user?.addresses.length,
      errors: codes(result.errors),
    };
  });
  await step("setDefaultAddress", async () => {
    const { data } = await sdk.user.setAccountDefaultAddress({ id: created.id, type: "BILLING" });
    const user = data.accountSetDefaultAddress.user;
    return {
      defaultBilling: user.defaultBillingAddress?.id,
      isDefaultBilling: user.addresses[0].isDefaultBillingAddress,
      errors: codes(data.accountSetDefaultAddress.errors),
    };
  });
  await step("refresh", async () => {
    const { data } = await sdk.auth.refreshToken(true);
    return {
      token: Boolean(data.tokenRefresh.token),
      email: data.tokenRefresh.user?.email,
      errors: codes(data.tokenRefresh.errors),
    };
  });
  await step("verify", async () => {
    const { data } = await sdk.auth.verifyToken();
    return {
      isValid: data.tokenVerify.isValid,
      type: data.tokenVerify.payload?.type,
      email: data.tokenVerify.user?.email,
    };
  });
  await step("changePassword", async () => {
    const { data } = await sdk.auth.changePassword({ oldPassword: password, newPassword });
    return { errors: codes(data.passwordChange.errors) };
  });
  await step("verifyAfterPasswordChange", async () => {
    // Changing the password revoked every token; the SDK signs out on isValid false.
    const { data } = await sdk.auth.verifyToken();
    return {
      isValid: data.tokenVerify.isValid,
      errors: codes(data.tokenVerify.errors),
      state: sdk.getState()?.user?.email ?? null,
    };
  });
  await step("loginWithOldPassword", async () => {
    const { data } = await sdk.auth.login({ email, password });
    return { errors: codes(data.tokenCreate.errors) };
  });
  await step("loginWithNewPassword", async () => {
    const { data } = await sdk.auth.login({ email, password: newPassword });
    return {
      email: data.tokenCreate.user?.email,
      errors: codes(data.tokenCreate.errors),
      sameToken: data.tokenCreate.token === login.token,
    };
  });
  await step("logout", async () => {
    await sdk.auth.logout();
    const user = await readMe(apollo);
    return { state: sdk.getState()?.user?.email ?? null, me: user };
  });
  await step("loginAgain", async () => {
    const { data } = await sdk.auth.login({ email, password: newPassword });
    return { errors: codes(data.tokenCreate.errors) };
  });
  await step("requestDeletion", async () => {
    const { data } = await sdk.user.accountRequestDeletion("http://localhost:3000/account/delete");
    return { errors: codes(data.accountRequestDeletion.errors) };
  });
  const deletionToken = await emailedToken("deletion");
  await step("delete", async () => {
    const { data } = await sdk.user.accountDelete(deletionToken);
    return {
      email: data.accountDelete.user?.email,
      errors: codes(data.accountDelete.errors),
    };
  });
  await step("loginAfterDelete", async () => {
    const { data } = await sdk.auth.login({ email, password: newPassword });
    return { errors: codes(data.tokenCreate.errors) };
  });
}

async function expiry() {
  const sdk = createSaleorClient({
    apiUrl,
    channel: "default-channel",
    opts: { fetchOpts: { autoTokenRefresh: false } },
  });
  const login = await step("login", async () => {
    const { data } = await sdk.auth.login({ email: givenEmail, password: givenPassword });
    return { errors: codes(data.tokenCreate.errors), token: data.tokenCreate.token };
  });
  const { exp } = JSON.parse(Buffer.from(login.token.split(".")[1], "base64url").toString());
  await step("waitForExpiry", async () => {
    const wait = Math.max(0, exp * 1000 - Date.now()) + 1100;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return { waitedMs: wait };
  });
  await step("meAfterExpiry", async () => {
    const user = await readMe(sdk._internal.apolloClient);
    return { email: user?.email ?? null };
  });
  await step("verify", async () => {
    const { data } = await sdk.auth.verifyToken();
    return { isValid: data.tokenVerify.isValid };
  });
}

try {
  if (scenario === "account") await account();
  else if (scenario === "expiry") await expiry();
  else throw new Error(`unknown scenario ${scenario}`);
  report("done");
  process.exit(0);
} catch (error) {
  report(current, { error: String(error?.stack || error) });
  process.exit(1);
}
