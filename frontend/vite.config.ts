/**
 * Vite: the built site goes to dist/, which Django serves on the same origin as /graphql/
 * (see site/views.py `frontend_app`). `npm run dev` proxies the API and media to Django
 * (VITRINE_API, default http://localhost:8000), so no CORS is ever needed.
 */
/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const api = process.env.VITRINE_API ?? "http://localhost:8000";
const proxied = ["/graphql/", "/media/", "/documents/", "/static/", "/admin/", "/shop/"];

/**
 * Preloads the two font files the first screen draws with (the Latin subsets of the
 * heading serif and the text sans, src/styles/fonts.css), so text is drawn in them
 * without waiting for the stylesheet; the other subsets and the italic load only when
 * a page uses them (unicode-range), and `font-display: swap` shows the fallback
 * meanwhile. The links go into the built index.html, which every page is served from.
 */
function preloadFirstScreenFonts(): Plugin {
  const firstScreen = /(source-serif-4|source-sans-3)-latin-wght-normal-[\w-]+\.woff2$/;
  return {
    name: "vitrine-preload-fonts",
    apply: "build",
    transformIndexHtml(_html, context) {
      const files = Object.keys(context.bundle ?? {}).filter((name) => firstScreen.test(name));
      return files.map((file) => ({
        tag: "link",
        attrs: { rel: "preload", href: `/${file}`, as: "font", type: "font/woff2", crossorigin: "" },
        injectTo: "head" as const,
      }));
    },
  };
}

/**
 * The scripts hydrate a page the server has already drawn: they must not take the
 * bandwidth of a slow phone connection from its largest image and first-screen fonts.
 * Chrome fetches module scripts and their preloads at high priority by default; marked
 * low, they load beside the image instead of before it (issue 11: first paint and LCP).
 */
function scriptsAfterFirstScreen(): Plugin {
  return {
    name: "vitrine-scripts-low-priority",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        return html.replace(
          /<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g,
          '<$1 fetchpriority="low"',
        );
      },
    },
  };
}

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [react(), preloadFirstScreenFonts(), scriptsAfterFirstScreen()],
  // Apollo Client's development-only checks and messages are dropped from the build.
  define: command === "build" ? { "globalThis.__DEV__": "false" } : {},
  // The server build bundles its libraries: Apollo Client 3 and others are not Node ESM.
  ssr: { noExternal: true },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: api, changeOrigin: false }])),
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    sourcemap: false,
    target: isSsrBuild ? "node20" : "es2020",
    rollupOptions: {
      // The server build (src/entry-server.tsx, for server/renderer.mjs) is one module, so
      // the renderer can load a new build beside the old one (server/renderer.mjs).
      output: isSsrBuild ? { inlineDynamicImports: true } : {
        // One long-cached chunk for the libraries every page needs.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) {
            return "react";
          }
          if (/node_modules\/(@apollo|graphql|@wry|optimism|zen-observable|ts-invariant|tslib|symbol-observable)\//.test(id)) {
            return "apollo";
          }
          // The small modules most pages share: one request with the entry, not ten. Not
          // an area's own components (the tour viewer, shop, account) nor the deep zoom
          // viewer: those stay in their lazy chunks, with the libraries they pull in
          // (three.js, Stripe, SDK, OpenSeadragon).
          if (/\/src\/(components\/(?!tours\/|shop\/|account\/|zoom\/DeepZoomViewer)|graphql\/|consent\/|i18n\/)|\/src\/pages\/(errors|preview\/(previewLocale|PreviewInvalid))/.test(id)) {
            return "app";
          }
          return undefined;
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
}));
