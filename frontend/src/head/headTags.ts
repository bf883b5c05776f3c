/**
 * The `<head>` of a URL as tags, from the API's `pageMeta`: title, description,
 * canonical, hreflang alternates, Open Graph, the Twitter card and JSON-LD. One function
 * for both sides: the server writes the string into the HTML it sends, the browser
 * replaces the same tags (marked `data-head`) after each navigation.
 */
import type { PageMetaFieldsFragment } from "./pageMeta.generated";

export type HeadTag = { tag: "meta" | "link" | "script"; attrs: Record<string, string>; text?: string };

const OG_LOCALES: Record<string, string> = { nl: "nl_BE", en: "en_GB", fr: "fr_BE" };

export function composeTitle(title: string | null | undefined, siteName: string): string {
  return title ? `${title} — ${siteName}` : siteName;
}

export function headTags(
  meta: PageMetaFieldsFragment,
  fallback: {
    title?: string | null;
    description?: string | null;
    preload?: { url: string; srcSet: string; sizes: string } | null;
  } = {},
): { title: string; tags: HeadTag[] } {
  const title = meta.fullTitle ?? composeTitle(fallback.title, meta.siteName);
  const description = (meta.description || fallback.description || "").slice(0, 300);
  const tags: HeadTag[] = [];
  const meta_ = (attrs: Record<string, string>) => tags.push({ tag: "meta", attrs });
  if (description) meta_({ name: "description", content: description });
  if (meta.noindex) meta_({ name: "robots", content: "noindex" });
  if (meta.canonical) tags.push({ tag: "link", attrs: { rel: "canonical", href: meta.canonical } });
  for (const alternate of meta.alternates) {
    tags.push({ tag: "link", attrs: { rel: "alternate", hreflang: alternate.hreflang, href: alternate.href } });
  }
  meta_({ property: "og:type", content: meta.ogType });
  meta_({ property: "og:title", content: meta.title ?? fallback.title ?? meta.siteName });
  if (description) meta_({ property: "og:description", content: description });
  if (meta.canonical) meta_({ property: "og:url", content: meta.canonical });
  meta_({ property: "og:site_name", content: meta.siteName });
  meta_({ property: "og:locale", content: meta.ogLocale });
  for (const alternate of meta.alternates) {
    const locale = OG_LOCALES[alternate.hreflang];
    if (locale && locale !== meta.ogLocale) meta_({ property: "og:locale:alternate", content: locale });
  }
  meta_({ name: "twitter:card", content: meta.image ? "summary_large_image" : "summary" });
  meta_({ name: "twitter:title", content: meta.title ?? fallback.title ?? meta.siteName });
  if (description) meta_({ name: "twitter:description", content: description });
  if (meta.image) {
    meta_({ property: "og:image", content: meta.image.url });
    meta_({ property: "og:image:width", content: String(meta.image.width) });
    meta_({ property: "og:image:height", content: String(meta.image.height) });
    meta_({ property: "og:image:alt", content: meta.image.alt });
    meta_({ name: "twitter:image", content: meta.image.url });
    meta_({ name: "twitter:image:alt", content: meta.image.alt });
  }
  const preload = fallback.preload;
  if (preload) {
    tags.push({
      tag: "link",
      attrs: {
        rel: "preload",
        as: "image",
        href: preload.url,
        ...(preload.srcSet ? { imagesrcset: preload.srcSet, imagesizes: preload.sizes } : {}),
        fetchpriority: "high",
      },
    });
  }
  for (const json of meta.jsonLd) {
    tags.push({ tag: "script", attrs: { type: "application/ld+json" }, text: json });
  }
  return { title, tags };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** JSON inside a script element: `</script>` and `<!--` must not end or change it. */
export function scriptSafeJson(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The tags as HTML, for the server's response. */
export function headHtml(title: string, tags: HeadTag[]): string {
  const parts = [`<title>${escapeText(title)}</title>`];
  for (const { tag, attrs, text } of tags) {
    const attributes = Object.entries(attrs)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join("");
    if (tag === "script") parts.push(`<script data-head${attributes}>${scriptSafeJson(text ?? "")}</script>`);
    else parts.push(`<${tag} data-head${attributes}>`);
  }
  return parts.join("\n");
}

/** Replaces the previous page's tags in the live document (browser only). */
export function applyHead(doc: Document, title: string, tags: HeadTag[]): void {
  doc.title = title;
  doc.head.querySelectorAll("[data-head]").forEach((element) => element.remove());
  doc.head.querySelectorAll('meta[name="description"]').forEach((element) => element.remove());
  for (const { tag, attrs, text } of tags) {
    const element = doc.createElement(tag);
    element.setAttribute("data-head", "");
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    doc.head.append(element);
  }
}
