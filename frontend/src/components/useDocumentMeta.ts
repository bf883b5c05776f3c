/**
 * The tab title and meta description of the current page (SEO, and what screen readers
 * announce). On the server the title goes to the renderer (head/serverContext); the
 * API's `pageMeta` wins where it has one (head/DocumentHead).
 */
import { useEffect } from "react";
import { useServerRender } from "../head/serverContext";
import { useT } from "../i18n";

export function useDocumentMeta(title: string | null | undefined, description?: string | null): void {
  const { siteName } = useT();
  const server = useServerRender();
  if (server && title != null) {
    server.title = title;
    if (description) server.description = description;
  }
  useEffect(() => {
    if (title == null) return;
    const name = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content || siteName;
    document.title = title ? `${title} — ${name}` : name;
    if (description) {
      let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = "description";
        document.head.append(meta);
      }
      meta.content = description.slice(0, 300);
    }
  }, [title, description, siteName]);
}
