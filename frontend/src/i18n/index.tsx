/**
 * The current language, its UI strings and the "same page in another language" links.
 *
 * Each language's layout route provides `LangContext`; pages read it with `useLang()` and
 * their strings with `useT()`. A page whose slug differs per language (a story, an
 * exhibition) declares its translations with `useAlternates`; the language switch uses
 * them, and otherwise keeps the same area and path in the other language.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { DEFAULT_LANG, LANGUAGES, type Area, type Lang, pathFor } from "./languages";
import { STRINGS, type Strings } from "./strings";

export * from "./languages";
export type { Strings } from "./strings";

const LangContext = createContext<Lang>(DEFAULT_LANG);

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Strings {
  return STRINGS[useLang()];
}

/** An area's own dictionary (shop, tours): `const S = defineStrings({ nl: {...}, en: {...}, fr: {...} })`. */
export function defineStrings<T>(dictionary: Record<Lang, T>): Record<Lang, T> {
  return dictionary;
}

export function useStrings<T>(dictionary: Record<Lang, T>): T {
  return dictionary[useLang()];
}

/** Paths of the current page in other languages; null means "use the default rule". */
export type Alternates = Partial<Record<Lang, string>>;

type AlternatesState = { alternates: Alternates | null; set: (value: Alternates | null) => void };
const AlternatesContext = createContext<AlternatesState>({ alternates: null, set: () => undefined });

export function AlternatesProvider({ children }: { children: ReactNode }) {
  const [alternates, set] = useState<Alternates | null>(null);
  const value = useMemo(() => ({ alternates, set }), [alternates]);
  return <AlternatesContext.Provider value={value}>{children}</AlternatesContext.Provider>;
}

export function useCurrentAlternates(): Alternates | null {
  return useContext(AlternatesContext).alternates;
}

/** Declare this page's paths in the other languages (null: the default rule). */
export function useAlternatePaths(alternates: Alternates | null) {
  const { set } = useContext(AlternatesContext);
  const key = alternates ? JSON.stringify(alternates) : "";
  useEffect(() => {
    if (!alternates) return undefined;
    set(alternates);
    return () => set(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, set]);
}

/** Paths of a page in each language from the API's `translations`; missing ones go home. */
export function translationPaths(
  translations: readonly { locale: string; slug: string }[],
  path: (lang: Lang, slug: string) => string,
): Alternates {
  const alternates: Alternates = {};
  for (const lang of LANGUAGES) {
    const match = translations.find((t) => t.locale === lang);
    alternates[lang] = match ? path(lang, match.slug) : pathFor(lang, "home");
  }
  return alternates;
}

/**
 * Declare where this page lives in the other languages, from the API's `translations`
 * (`{ locale, slug }`). Languages without a translation go to that language's home.
 */
export function useAlternates(
  area: Area,
  translations: readonly { locale: string; slug: string }[] | null | undefined,
) {
  useAlternatePaths(translations ? translationPaths(translations, (lang, slug) => pathFor(lang, area, slug)) : null);
}
