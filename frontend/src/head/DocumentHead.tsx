/**
 * The head of every URL, described by the API (`pageMeta(path)`: what the URL is, in
 * which language, its canonical URL and translations, share image and JSON-LD). It
 * renders nothing in the body: on the server it hands the answer to the renderer (which
 * writes the tags and the HTTP status), in the browser it replaces the tags after each
 * navigation. Pages keep `useDocumentMeta` for the title of pages the API has no title
 * for (lists, search, cart, account).
 */
import { useQuery } from "@apollo/client";
import { useEffect } from "react";
import { useLocation } from "react-router-dom";
import { applyHead, headTags } from "./headTags";
import { PageMetaDocument } from "./pageMeta.generated";
import { useServerRender } from "./serverContext";

export function DocumentHead() {
  const { pathname } = useLocation();
  const server = useServerRender();
  const { data } = useQuery(PageMetaDocument, { variables: { path: pathname } });
  const meta = data?.pageMeta ?? null;
  if (server && meta) server.meta = meta;
  useEffect(() => {
    if (!meta) return;
    // After the page's own effects (children run theirs first): its title is known.
    const { title, tags } = headTags(meta, { title: document.title.split(" — ")[0] || null });
    applyHead(document, meta.fullTitle ? title : document.title, tags);
    document.documentElement.lang = meta.lang;
  }, [meta]);
  return null;
}
