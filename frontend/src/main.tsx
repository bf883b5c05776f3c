import { ApolloProvider } from "@apollo/client";
import { StrictMode, startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import type { HydrationState } from "@remix-run/router";
import { createClient } from "./graphql/client";
import { createRouter } from "./router";
import "./styles/fonts.css";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/components.css";
// The areas' styles are the page's too (a few KB): the renderer inlines the entry's
// styles, and in a route's own chunk they came only with the app, so a tours, collection,
// tickets or groups page was first drawn without them and moved when they arrived.
import "./pages/collection/collection.css";
import "./pages/tours/tours.css";
import "./components/tickets/tickets.css";
import "./components/groups/groups.css";

declare global {
  interface Window {
    __APOLLO_STATE__?: unknown;
    __staticRouterHydrationData?: HydrationState;
    /** Set by tests: every recoverable error (a hydration mismatch) is reported here. */
    __onRecoverableError?: (error: unknown) => void;
  }
}

const container = document.getElementById("root")!;
// The renderer (server/renderer.mjs) sent the page's HTML and the data it was made from;
// without it (the renderer not running) the page is the empty shell and renders here.
const serverRendered = container.hasChildNodes() && window.__staticRouterHydrationData !== undefined;
const client = createClient({ initialState: serverRendered ? window.__APOLLO_STATE__ : undefined });

function onRecoverableError(error: unknown): void {
  window.__onRecoverableError?.(error);
  console.error(error);
}

/**
 * Hydrated or rendered in a transition so React yields to the browser while it builds
 * the first page, instead of one long task that blocks input (Total Blocking Time) —
 * but only once the router has loaded the first route. RouterProvider reads the router's
 * state when it renders and subscribes when it commits; a transition may yield in
 * between, and a route that finished loading in that gap was never seen.
 */
async function start(): Promise<void> {
  const router = await createRouter(client, serverRendered ? window.__staticRouterHydrationData : undefined);
  const app = (
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} future={{ v7_startTransition: true }} />
      </ApolloProvider>
    </StrictMode>
  );
  const render = () =>
    startTransition(() => {
      if (serverRendered) hydrateRoot(container, app, { onRecoverableError });
      else createRoot(container, { onRecoverableError }).render(app);
    });
  if (router.state.initialized) {
    render();
    return;
  }
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    render();
  });
}

void start();
