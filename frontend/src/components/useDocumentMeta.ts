/** The tab title and meta description of the current page (SEO, and what screen readers announce). */
import { useEffect } from "react";
import { useT } from "../i18n";

export function useDocumentMeta(title: string | null | undefined, description?: string | null): void {
  const { siteName } = useT();
  useEffect(() => {
    if (title == null) return;
    document.title = title ? `${title} — ${siteName}` : siteName;
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
