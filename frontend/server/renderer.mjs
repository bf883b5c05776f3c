#!/usr/bin/env node
/**
 * Vitrine's page renderer: a small Node HTTP server that turns a public URL into its
 * HTML with React (the server build of src/entry-server.tsx, in dist-server/) and the
 * built page template (dist/index.html). Django sits in front of it: it serves the API,
 * the admin, media, the sitemap and robots.txt itself, and asks this process for every
 * public page (museum_site/page_renderer.py), caching the answer under the content
 * version. The renderer reads the content through the same GraphQL API as the browser.
 *
 *     VITRINE_API=http://127.0.0.1:8000 RENDERER_PORT=8001 node server/renderer.mjs
 *
 * It keeps no state between requests (a fresh Apollo cache per render), so any number
 * can run behind Django; one per core is plenty, rendering is CPU-bound.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.FRONTEND_DIST ?? join(here, "..", "dist");
const serverBuild = process.env.FRONTEND_SERVER_BUILD ?? join(here, "..", "dist-server", "entry-server.js");
const api = (process.env.VITRINE_API ?? "http://127.0.0.1:8000").replace(/\/$/, "");
const port = Number(process.env.RENDERER_PORT ?? 8001);
const host = process.env.RENDERER_HOST ?? "127.0.0.1";

/**
 * The build in use: reloaded when `npm run build` wrote a new one (index.html changed),
 * so a rebuilt site is served without restarting the renderer, and never a page that
 * names script files the new build replaced. Django keys its cache on the same file.
 */
let build = null;

async function currentBuild() {
  const stamp = statSync(join(dist, "index.html")).mtimeMs;
  if (build?.stamp !== stamp) {
    const { render } = await import(`${pathToFileURL(serverBuild).href}?build=${stamp}`);
    build = { stamp, render, template: inlineStyles(readFileSync(join(dist, "index.html"), "utf8")) };
  }
  return build;
}

await currentBuild();

/**
 * The entry's CSS goes into the page itself: no stylesheet request blocks the first
 * paint (it is small; the hashed file stays for the browser's later navigations).
 */
function inlineStyles(html) {
  return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (tag, href) => {
    try {
      const css = readFileSync(join(dist, href.replace(/^\//, "")), "utf8");
      return `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`;
    } catch {
      return tag;
    }
  });
}

function page(template, rendered) {
  return template
    .replace(/<html lang="[^"]*">/, `<html lang="${rendered.lang}">`)
    .replace(/<title>[^<]*<\/title>\s*/, "")
    .replace(/<meta name="description"[^>]*>\s*/, "")
    .replace("</head>", `${rendered.head}\n</head>`)
    .replace('<div id="root"></div>', `<div id="root">${rendered.html}</div>`)
    .replace(/<noscript>.*?<\/noscript>\s*/s, "")
    .replace("</body>", `<script>window.__APOLLO_STATE__=${rendered.state}</script>\n</body>`);
}

const server = createServer(async (request, response) => {
  const url = request.url ?? "/";
  if (url === "/healthz") {
    response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    return;
  }
  try {
    const { render, template } = await currentBuild();
    // The museum Django found for the visitor's host: the API is asked for its content.
    const museum = request.headers["x-museum"] || undefined;
    const rendered = await render(url, api, museum);
    if (rendered.kind === "redirect") {
      response.writeHead(rendered.status, { Location: rendered.location }).end();
      return;
    }
    const body = page(template, rendered);
    response.writeHead(rendered.status, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": rendered.lang,
      "Content-Length": Buffer.byteLength(body),
    });
    response.end(body);
  } catch (error) {
    console.error(`render ${url} failed:`, error);
    response.writeHead(500, { "Content-Type": "text/plain" }).end("render failed");
  }
});

server.listen(port, host, () => {
  console.log(`Vitrine renderer on http://${host}:${port}/ reading ${api}/graphql/`);
});
// Stop at once on SIGTERM/SIGINT: finish nothing new, drop idle keep-alive connections.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
