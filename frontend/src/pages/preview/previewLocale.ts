/** Lets a view rendering a draft tell the preview page the draft's language. */
import { createContext, useContext, useEffect } from "react";

export const PreviewLocaleContext = createContext<(locale: string) => void>(() => undefined);

/** Called by a view in preview once it knows the draft's language. */
export function usePreviewLocale(locale: string | null | undefined): void {
  const setLocale = useContext(PreviewLocaleContext);
  useEffect(() => {
    if (locale) setLocale(locale);
  }, [locale, setLocale]);
}
