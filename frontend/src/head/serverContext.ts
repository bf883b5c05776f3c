/**
 * What a server render learns while it renders: the page's own title and description
 * (from `useDocumentMeta`, for pages the API's `pageMeta` has no title for) and the head
 * the API described. The browser has no such context (null): there the hooks change
 * `document.head` in effects instead.
 */
import { createContext, useContext } from "react";
import type { PageMetaFieldsFragment } from "./pageMeta.generated";

export type ServerRender = {
  title?: string | null;
  description?: string | null;
  meta?: PageMetaFieldsFragment | null;
  /** The page's first `priority` image (its LCP), preloaded from the head. */
  preload?: { url: string; srcSet: string; sizes: string } | null;
};

export const ServerRenderContext = createContext<ServerRender | null>(null);

export function useServerRender(): ServerRender | null {
  return useContext(ServerRenderContext);
}
