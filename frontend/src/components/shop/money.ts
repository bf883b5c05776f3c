/** Amounts as the visitor's language writes them: € 12,10 (nl), €12.10 (en), 12,10 € (fr). */
import type { Lang } from "../../i18n";

const LOCALES: Record<Lang, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

export function formatMoney(lang: Lang, money: { amount: string; currency?: string | null }): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: "currency",
    currency: money.currency || "EUR",
  }).format(Number(money.amount));
}

/** A VAT rate such as "21.00" or 6 as "21" / "6". */
export function formatRate(rate: string | number): string {
  return String(Number(rate));
}

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long" }).format(new Date(iso));
}
