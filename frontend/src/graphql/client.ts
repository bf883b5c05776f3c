/**
 * One Apollo Client for the whole site. Apollo rather than urql or graphql-request:
 * `@saleor/sdk` 0.7.0 (customer accounts) is built on Apollo Client 3 and graphql 15, so
 * one client, one cache and one auth link serve both our pages and the SDK.
 *
 * Queries go out as GET so the API's HTTP cache (Cache-Control, ETag, 304) works in the
 * browser; mutations are POSTed. Same origin as the site, so no CORS.
 */
import { ApolloClient, HttpLink, InMemoryCache, from } from "@apollo/client";
import possibleTypes from "./possible-types";
import { staleCheckoutLink } from "./staleAnswers";

export const GRAPHQL_URL = "/graphql/";

/**
 * A GET has no body, but Apollo still sends `Content-Type: application/json`, which makes
 * graphene-django parse the (empty) body and answer 400: drop the header on GETs.
 */
const fetchWithoutGetContentType: typeof fetch = (input, init) => {
  if (init?.method === "GET" && init.headers) {
    const headers = new Headers(init.headers as HeadersInit);
    headers.delete("content-type");
    return fetch(input, { ...init, headers });
  }
  return fetch(input, init);
};

/**
 * `uri`: the renderer (Node) passes the API's absolute URL; `ssrMode` there, and
 * `initialState` (what the server fetched, from the HTML) in the browser, so the first
 * render in the browser reads the same answers the server rendered and hydrates.
 * `museum`: the renderer asks for the museum whose host the visitor asked (the browser
 * needs none: its requests carry that host), so server and browser read the same museum.
 */
export function createClient(
  options: { uri?: string; ssrMode?: boolean; initialState?: unknown; museum?: string } = {},
): ApolloClient<unknown> {
  const client = new ApolloClient({
    ssrMode: options.ssrMode ?? false,
    link: from([
      staleCheckoutLink(),
      new HttpLink({
        uri: options.uri ?? GRAPHQL_URL,
        useGETForQueries: true,
        fetch: fetchWithoutGetContentType,
        headers: options.museum ? { "X-Museum": options.museum } : undefined,
      }),
    ]),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes.possibleTypes,
      typePolicies: {
        // Collection objects are snippets shared by every page that shows them.
        CollectionObject: { keyFields: ["id", "locale"] },
        // The cart: one checkout per token; every cart mutation answers it whole (and an
        // answer read before the last change is asked again: staleAnswers.ts).
        Checkout: { keyFields: ["token"] },
        // The host's museum and its details have no id: the frame's query (SiteChrome)
        // and a page's (Home) ask different fields of them, which must add up, not
        // replace each other (the frame's answer then looked incomplete, so the frame
        // drew without it on the server and fetched it again in the browser).
        Museum: { merge: true },
        MuseumDetails: { merge: true },
        MuseumBranding: { merge: true },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-first", errorPolicy: "all" } },
  });
  if (options.initialState) client.cache.restore(options.initialState as never);
  return client;
}
