import { ApolloProvider } from "@apollo/client";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { createClient } from "./graphql/client";
import { createRouter } from "./router";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/components.css";

const client = createClient();
const router = createRouter(client);

/**
 * Rendered in a transition so React yields to the browser while it builds the first page,
 * instead of one long task that blocks input (Total Blocking Time) — but only once the
 * router has loaded the first route. RouterProvider reads the router's state when it
 * renders and subscribes when it commits; a transition may yield in between, and a route
 * that finished loading in that gap was never seen: the page stayed blank, every script
 * loaded and no request made (browser tests caught it now and then).
 */
function render(): void {
  startTransition(() => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <ApolloProvider client={client}>
          <RouterProvider router={router} future={{ v7_startTransition: true }} />
        </ApolloProvider>
      </StrictMode>,
    );
  });
}

if (router.state.initialized) {
  render();
} else {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    render();
  });
}
