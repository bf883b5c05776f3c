/**
 * The site's languages and its localised URL segments.
 *
 * Every public URL starts with a language (`/nl/…`, `/en/…`, `/fr/…`) followed by an
 * area segment in that language. Add an area here and in routes.tsx; pages build links
 * with `pathFor` so no page hard-codes a segment.
 */
export const LANGUAGES = ["nl", "en", "fr"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "nl";

export const LANGUAGE_NAMES: Record<Lang, string> = {
  nl: "Nederlands",
  en: "English",
  fr: "Français",
};

/** Areas of the site that own a URL segment. `home` is the language root itself. */
export type Area =
  | "home"
  | "stories"
  | "exhibitions"
  | "collection"
  | "tours"
  | "search"
  | "shop"
  | "cart"
  | "checkout"
  | "account"
  | "privacy"
  | "newsletter"
  | "groups"
  | "tickets";

export const SEGMENTS: Record<Exclude<Area, "home">, Record<Lang, string>> = {
  stories: { nl: "verhalen", en: "stories", fr: "recits" },
  exhibitions: { nl: "tentoonstellingen", en: "exhibitions", fr: "expositions" },
  collection: { nl: "collectie", en: "collection", fr: "collection" },
  tours: { nl: "rondleidingen", en: "tours", fr: "visites" },
  search: { nl: "zoeken", en: "search", fr: "recherche" },
  shop: { nl: "winkel", en: "shop", fr: "boutique" },
  cart: { nl: "winkelmandje", en: "cart", fr: "panier" },
  checkout: { nl: "afrekenen", en: "checkout", fr: "commande" },
  account: { nl: "account", en: "account", fr: "compte" },
  privacy: { nl: "privacy", en: "privacy", fr: "confidentialite" },
  newsletter: { nl: "nieuwsbrief", en: "newsletter", fr: "infolettre" },
  groups: { nl: "groepen", en: "groups", fr: "groupes" },
  tickets: { nl: "tickets", en: "tickets", fr: "billets" },
};

export function isLang(value: string | undefined | null): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? "");
}

/**
 * The URL of a page: `pathFor("en", "stories", "bruegel-on-the-ice")` is
 * `/en/stories/bruegel-on-the-ice`. Extra parts are URL-encoded.
 */
export function pathFor(lang: Lang, area: Area, ...rest: string[]): string {
  const parts: string[] = [lang];
  if (area !== "home") parts.push(SEGMENTS[area][lang]);
  for (const part of rest) if (part) parts.push(encodeURIComponent(part));
  return `/${parts.join("/")}`;
}

/** Which area a path is in, and the part after the area segment (kept on a language switch). */
export function parsePath(pathname: string): { lang: Lang; area: Area; rest: string[] } | null {
  const [first, second, ...rest] = pathname.split("/").filter(Boolean);
  if (!isLang(first)) return null;
  if (second === undefined) return { lang: first, area: "home", rest: [] };
  for (const [area, segments] of Object.entries(SEGMENTS) as [Exclude<Area, "home">, Record<Lang, string>][]) {
    if (segments[first] === second) return { lang: first, area, rest: rest.map(decodeURIComponent) };
  }
  return null;
}

/** The visitor's preferred language among ours (navigator.languages), else Dutch. */
export function preferredLang(
  accepted: readonly string[] = typeof navigator === "undefined" ? [] : (navigator.languages ?? []),
): Lang {
  for (const tag of accepted) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

/**
 * The `lang` of a page's text when it differs from the site's: the API answers the
 * original (Dutch) while a translation is still a draft, and screen readers must read it
 * as Dutch. Undefined when the text is in the site's language.
 */
export function textLang(contentLocale: string | null | undefined, lang: Lang): string | undefined {
  return contentLocale && contentLocale !== lang ? contentLocale : undefined;
}
