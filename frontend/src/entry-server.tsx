/**
 * The server renderer's entry (built by `vite build --ssr`, run by server/renderer.mjs):
 * one URL in, its HTML out. The same routes and pages as the browser: React Router's
 * static handler matches the URL and loads its lazy route, Apollo's `getDataFromTree`
 * runs every query the page makes against the same GraphQL API, then React renders the
 * HTML with the answers, which go into the page for the browser to hydrate from.
 */
import { ApolloProvider } from "@apollo/client";
import { getDataFromTree } from "@apollo/client/react/ssr";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouterProvider, createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { createClient } from "./graphql/client";
import { headHtml, headTags, scriptSafeJson } from "./head/headTags";
import { ServerRenderContext, type ServerRender } from "./head/serverContext";
import { createRoutes } from "./router";

export type Rendered =
  | { kind: "redirect"; status: number; location: string }
  | { kind: "page"; status: number; lang: string; head: string; html: string; state: string };

/** `museum`: the slug of the museum the page is for (Django sends it as `X-Museum`). */
export async function render(url: string, api: string, museum?: string): Promise<Rendered> {
  const client = createClient({ uri: `${api}/graphql/`, ssrMode: true, museum });
  const routes = createRoutes(client);
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(url, "http://renderer.invalid")));
  if (context instanceof Response) {
    return { kind: "redirect", status: context.status, location: context.headers.get("Location") ?? "/" };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const server: ServerRender = {};
  const app = (
    <StrictMode>
      <ServerRenderContext.Provider value={server}>
        <ApolloProvider client={client}>
          <StaticRouterProvider router={router} context={context} hydrate />
        </ApolloProvider>
      </ServerRenderContext.Provider>
    </StrictMode>
  );
  await getDataFromTree(app);
  const html = renderToString(app);
  const meta = server.meta;
  let head = "";
  let status = context.statusCode === 200 ? 200 : context.statusCode;
  let lang = "nl";
  if (meta) {
    const { title, tags } = headTags(meta, {
      title: server.title,
      description: server.description,
      preload: server.preload,
    });
    head = headHtml(title, tags);
    status = status === 200 ? meta.status : status;
    lang = meta.lang;
  }
  const state = scriptSafeJson(JSON.stringify(client.extract()));
  client.stop();
  return { kind: "page", status, lang, head, html, state };
}
