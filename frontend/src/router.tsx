/**
 * Builds the router from the routes table: each page route is mounted once per language
 * under `/<lang>/<localised area segment>/<path>`, inside that language's layout. `/`
 * sends the visitor to their preferred language; `/preview` renders Wagtail drafts.
 */
import type { ApolloClient } from "@apollo/client";
import {
  Navigate,
  createBrowserRouter,
  matchRoutes,
  type LoaderFunction,
  type RouteObject,
} from "react-router-dom";
import type { HydrationState } from "@remix-run/router";
import { DocumentHead } from "./head/DocumentHead";
import { SiteLayout } from "./components/layout/SiteLayout";
import { LANGUAGES, SEGMENTS, preferredLang, type Lang } from "./i18n/languages";
import { PAGE_ROUTES, type PageRoute } from "./routes";
import { RouteError } from "./pages/errors/RouteError";

function lazyPage(route: PageRoute): RouteObject["lazy"] {
  return async () => ({ Component: (await route.load()).default });
}

/**
 * A route's loader starts its page's query (into Apollo's cache) while the page's code
 * downloads, instead of after it rendered; it does not wait for the answer, and the
 * page's own `useQuery` with the same variables joins the request in flight.
 */
function prefetchLoader(client: ApolloClient<unknown>, route: PageRoute, lang: Lang): LoaderFunction | undefined {
  const { prefetch } = route;
  if (!prefetch) return undefined;
  return ({ params }) => {
    prefetch(params, lang)
      .then(({ query, variables }) => client.query({ query, variables }))
      .catch(() => undefined); // the page shows its own error
    return null;
  };
}

function routesFor(client: ApolloClient<unknown>, lang: Lang): RouteObject[] {
  const children: RouteObject[] = PAGE_ROUTES.map((route) => {
    const base = route.area === "home" ? "" : SEGMENTS[route.area][lang];
    const path = [base, route.path].filter(Boolean).join("/");
    const common = { lazy: lazyPage(route), loader: prefetchLoader(client, route, lang) };
    return path ? { path, ...common } : { index: true, ...common };
  });
  children.push({ path: "*", lazy: async () => ({ Component: (await import("./pages/errors/NotFoundPage")).default }) });
  return [
    {
      path: `/${lang}`,
      element: (
        <>
          <DocumentHead />
          <SiteLayout lang={lang} />
        </>
      ),
      errorElement: (
        <SiteLayout lang={lang}>
          <RouteError />
        </SiteLayout>
      ),
      children,
    },
  ];
}

/** The route tree, the same on the server (entry-server.tsx) and in the browser. */
export function createRoutes(client: ApolloClient<unknown>): RouteObject[] {
  return [
    { path: "/", element: <Navigate to={`/${preferredLang()}`} replace /> },
    { path: "/preview", lazy: async () => ({ Component: (await import("./pages/preview/PreviewPage")).default }) },
    ...LANGUAGES.flatMap((lang) => routesFor(client, lang)),
    {
      path: "*",
      lazy: async () => {
        const { default: NotFoundPage } = await import("./pages/errors/NotFoundPage");
        return {
          Component: () => (
            <SiteLayout lang={preferredLang()}>
              <NotFoundPage />
            </SiteLayout>
          ),
        };
      },
    },
  ];
}

/**
 * The browser's router. Server-rendered HTML is hydrated with the server's route data;
 * React Router cannot hydrate a lazy route, so the first URL's route modules are loaded
 * before (their chunks are preloaded by the HTML).
 */
export async function createRouter(client: ApolloClient<unknown>, hydrationData?: HydrationState) {
  const routes = createRoutes(client);
  if (hydrationData) {
    const matches = matchRoutes(routes, window.location) ?? [];
    await Promise.all(
      matches
        .filter((match) => match.route.lazy)
        .map(async (match) => {
          const loaded = await match.route.lazy!();
          Object.assign(match.route, { ...loaded, lazy: undefined });
        }),
    );
  }
  return createBrowserRouter(routes, { hydrationData });
}
