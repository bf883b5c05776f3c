/** Where the account's e-mailed links come back to, and the API's language codes. */
import { pathFor, type Lang } from "../../i18n";

export function accountUrl(lang: Lang, sub: string): string {
  return new URL(`${pathFor(lang, "account")}/${sub}`, window.location.origin).href;
}

export const LANGUAGE_CODES = { nl: "NL", en: "EN", fr: "FR" } as const;
